namespace Spinel.ControlPlane;

/// <summary>Event ids of every log message of the control plane, allocated here so they stay unique.</summary>
internal static class EventIds
{
    public const int StoreStarting = 1;
    public const int StoreStarted = 2;
    public const int StoreStopping = 3;
    public const int StoreStopFailed = 4;
    public const int LeaderChanged = 5;
    public const int CommandApplied = 6;
    public const int CommandRejected = 7;
    public const int EntryUndecodable = 8;
    public const int SnapshotWritten = 9;
    public const int SnapshotRestored = 10;
    public const int ProposalFailed = 11;
    public const int MemberAdding = 12;
    public const int MemberAdded = 13;
    public const int MemberAddFailed = 14;
    public const int MemberRemoved = 15;
    public const int MemberRemoveFailed = 16;
}
