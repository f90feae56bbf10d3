using ListArchive.Commands;

// The `listarchive` command: the composition root. Each sub-command lives in Commands/.
return await Cli.Build().Parse(args).InvokeAsync();
