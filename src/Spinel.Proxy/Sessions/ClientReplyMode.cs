namespace Spinel.Proxy.Sessions;

/// <summary>CLIENT REPLY state of a session.</summary>
internal enum ClientReplyMode : byte
{
    On,
    Off,
    Skip,
}
