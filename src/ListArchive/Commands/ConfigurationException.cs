namespace ListArchive.Commands;

/// <summary>A setting that cannot be used; the message names the key and what was expected.</summary>
internal sealed class ConfigurationException(string message) : Exception(message);
