namespace Spinel.Api;

/// <summary>Event ids of every log message of the REST API, allocated here so they stay unique.</summary>
internal static class EventIds
{
    public const int UnhandledException = 1;
    public const int AuthenticationFailed = 2;
    public const int Forwarding = 3;
    public const int ForwardFailed = 4;
    public const int ForwardRefused = 5;
    public const int OperationFailed = 6;
    public const int UserChanged = 7;
    public const int BootstrapStarted = 8;
    public const int ClusterSettingsChanged = 9;
    public const int UserLockedOut = 10;
    public const int RbacObjectChanged = 11;
    public const int CertificateUpdated = 12;
}
