namespace Spinel.Discovery;

/// <summary>Event ids of every log message of the discovery service, allocated here so they stay unique.</summary>
internal static class EventIds
{
    public const int Listening = 4001;
    public const int BindFailed = 4002;
    public const int Disabled = 4003;
    public const int Stopped = 4004;

    public const int ClientProtocolError = 4101;
    public const int ClientSessionFailed = 4102;
    public const int SlowSubscriberDropped = 4103;

    public const int EndpointMoved = 4201;
    public const int WatchFailed = 4202;
}
