namespace Spinel.NodeAgent;

/// <summary>Event ids of every log message of the node agent, allocated here so they stay unique.</summary>
internal static class EventIds
{
    public const int ShardStarting = 1;
    public const int ShardStarted = 2;
    public const int ShardStartFailed = 3;
    public const int ShardPortInUse = 4;
    public const int ShardExited = 5;
    public const int ShardRestarting = 6;
    public const int ShardStopped = 7;
    public const int ShardKilled = 8;
    public const int ShardSettingApplied = 9;
    public const int ShardSettingApplyFailed = 10;
    public const int ShardAddressChanged = 11;
    public const int ShardHealthCheckFailed = 12;
    public const int ShardConfigInvalid = 13;
    public const int ShardAdded = 14;
    public const int ShardRemoved = 15;
    public const int TopologyReconciled = 16;
    public const int OrphanKilled = 17;
    public const int OrphanForceKilled = 18;
    public const int OrphanIgnored = 19;
    public const int OrphanScanFailed = 20;
    public const int SupervisorStopping = 21;
    public const int ShardStepFailed = 22;
    public const int ShardAwaitingDecision = 23;
    public const int LaunchMarkerFailed = 24;
    public const int ShardUnresponsive = 25;
    public const int ShardResponsiveAgain = 26;
    public const int ShardAclUsersRejected = 27;
    public const int ShardAclUserRefused = 28;
}
