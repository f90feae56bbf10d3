using ListArchive.Tools.SegmentEval;

// segmenteval                     score the labelled set (tests/ListArchive.Analysis.Tests/Segments/Labels)
// segmenteval --external DIR      score other projects' fixtures described by DIR/manifest.jsonl
// segmenteval dump CORPUS FILE ID print one body with line numbers and its sha256 (for labelling)
// segmenteval survey [CORPUS…]    one JSON line per message of the corpora (for choosing what to label)
// Docs: docs/segmentation-eval.md.
return Cli.Run(args, Console.Out);
