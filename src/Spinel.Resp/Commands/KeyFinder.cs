namespace Spinel.Resp.Commands;

/// <summary>Which code finds a command's keys: the generic key-spec walk or a command-specific one.</summary>
internal enum KeyFinder : byte
{
    Specs,
    Sort,
    Migrate,
}
