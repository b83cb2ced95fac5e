using System.Collections.Frozen;
using System.Text;

namespace Spinel.Discovery.Sessions;

/// <summary>Command names and arities (redis's convention: n exactly, -n at least n, the name included).</summary>
internal static class DiscoveryCommandTable
{
    private static readonly FrozenDictionary<string, (DiscoveryCommand Command, int Arity)> Table =
        new Dictionary<string, (DiscoveryCommand, int)>(StringComparer.OrdinalIgnoreCase)
        {
            ["ping"] = (DiscoveryCommand.Ping, -1),
            ["echo"] = (DiscoveryCommand.Echo, 2),
            ["auth"] = (DiscoveryCommand.Auth, -2),
            ["hello"] = (DiscoveryCommand.Hello, -1),
            ["client"] = (DiscoveryCommand.Client, -2),
            ["info"] = (DiscoveryCommand.Info, -1),
            ["role"] = (DiscoveryCommand.Role, 1),
            ["sentinel"] = (DiscoveryCommand.Sentinel, -2),
            ["subscribe"] = (DiscoveryCommand.Subscribe, -2),
            ["psubscribe"] = (DiscoveryCommand.PSubscribe, -2),
            ["unsubscribe"] = (DiscoveryCommand.Unsubscribe, -1),
            ["punsubscribe"] = (DiscoveryCommand.PUnsubscribe, -1),
            ["config"] = (DiscoveryCommand.Config, -2),
            ["command"] = (DiscoveryCommand.Command, -1),
            ["reset"] = (DiscoveryCommand.Reset, 1),
            ["quit"] = (DiscoveryCommand.Quit, -1),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static (DiscoveryCommand Command, int Arity) Find(ReadOnlySpan<byte> name)
    {
        if (name.Length > 16)
        {
            return (DiscoveryCommand.Unknown, 0);
        }
        return Table.GetValueOrDefault(Encoding.Latin1.GetString(name), (DiscoveryCommand.Unknown, 0));
    }

    public static bool ArityOk(int arity, int argCount) => arity >= 0 ? argCount == arity : argCount >= -arity;
}
