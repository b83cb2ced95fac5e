namespace Spinel.Discovery.View;

/// <summary>One service name (<c>db1</c> or <c>db1@internal</c>) and the proxy endpoint that serves it; immutable.</summary>
internal sealed record MasterEntry(string Name, int DatabaseUid, string Ip, int Port, string RunId)
{
    public string Address => $"{Ip}:{Port}";
}
