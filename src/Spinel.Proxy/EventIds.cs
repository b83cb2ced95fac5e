namespace Spinel.Proxy;

/// <summary>Event ids of the proxy's log messages, one range per area.</summary>
internal static class EventIds
{
    public const int BackendConnected = 1001;
    public const int BackendConnectFailed = 1002;
    public const int BackendConnectionLost = 1003;

    public const int EndpointBound = 1101;
    public const int EndpointBindFailed = 1102;
    public const int EndpointUnbound = 1103;
    public const int ClientRejected = 1104;

    public const int ClientProtocolError = 1201;
    public const int ClientOutputLimit = 1202;
    public const int ClientIdleTimeout = 1203;
    public const int ClientSessionFailed = 1204;
    public const int TlsHandshakeFailed = 1205;
    public const int TlsCertificateMissing = 1206;
    public const int AclDenied = 1207;
    public const int AclUserGone = 1208;

    public const int ShardDown = 1301;
    public const int ShardUp = 1302;
    public const int ShardHeld = 1303;
    public const int ShardReleased = 1304;
    public const int HoldTimedOut = 1305;

    public const int InvalidAclRules = 1401;
}
