namespace Spinel.Discovery.Sessions;

/// <summary>The commands the discovery service understands: Sentinel's and what clients send while connecting.</summary>
internal enum DiscoveryCommand
{
    Unknown,
    Ping,
    Echo,
    Auth,
    Hello,
    Client,
    Info,
    Role,
    Sentinel,
    Subscribe,
    PSubscribe,
    Unsubscribe,
    PUnsubscribe,
    Config,
    Command,
    Reset,
    Quit,
}
