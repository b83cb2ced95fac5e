namespace Spinel.Proxy.Backends;

/// <summary>Whether one shard can be reached, as all the connections to it find out; thread-safe.</summary>
internal interface IShardHealth
{
    /// <summary>A connection was lost or could not connect, and none has succeeded since.</summary>
    bool IsDown { get; }

    void ReportConnected();

    void ReportUnreachable();
}
