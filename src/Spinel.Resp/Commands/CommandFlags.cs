namespace Spinel.Resp.Commands;

/// <summary>
/// Redis 7.0 command flags (<c>CMD_*</c> in redis's server.h). <c>COMMAND</c> never reports
/// <see cref="MayReplicate"/>, <see cref="Sentinel"/>, <see cref="OnlySentinel"/> or <see cref="Protected"/>,
/// so the generated table cannot carry them either.
/// </summary>
[Flags]
public enum CommandFlags : uint
{
    None = 0,
    Write = 1u << 0,
    ReadOnly = 1u << 1,
    DenyOom = 1u << 2,
    Module = 1u << 3,
    Admin = 1u << 4,
    PubSub = 1u << 5,
    NoScript = 1u << 6,
    Blocking = 1u << 7,
    Loading = 1u << 8,
    Stale = 1u << 9,
    SkipMonitor = 1u << 10,
    SkipSlowlog = 1u << 11,
    Asking = 1u << 12,
    Fast = 1u << 13,
    NoAuth = 1u << 14,
    MayReplicate = 1u << 15,
    Sentinel = 1u << 16,
    OnlySentinel = 1u << 17,
    NoMandatoryKeys = 1u << 18,
    Protected = 1u << 19,
    ModuleGetKeys = 1u << 20,
    ModuleNoCluster = 1u << 21,
    NoAsyncLoading = 1u << 22,
    NoMulti = 1u << 23,

    /// <summary>Key positions depend on the arguments (computed by redis from the key specs, not declared).</summary>
    MovableKeys = 1u << 24,

    AllowBusy = 1u << 25,
}
