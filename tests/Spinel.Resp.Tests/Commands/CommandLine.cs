using Spinel.Resp.Framing;

namespace Spinel.Resp.Tests.Commands;

/// <summary>Turns a test command line ("MIGRATE h 1 \"\" 0 5") into arguments; <c>""</c> stands for an empty argument.</summary>
internal static class CommandLine
{
    public static string[] Split(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a == "\"\"" ? "" : a).ToArray();

    public static RespRequest Request(string line) => RespRequest.FromArgs(Split(line));
}
