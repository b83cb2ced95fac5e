namespace Spinel.Dns;

/// <summary>Event ids of the DNS server's log messages.</summary>
internal static class EventIds
{
    public const int Listening = 7001;
    public const int BindFailed = 7002;
    public const int Disabled = 7003;
    public const int Stopped = 7004;
    public const int ServerError = 7005;
}
