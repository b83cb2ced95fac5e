using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Placement;

/// <summary>Endpoint (proxy listener) ports of databases: 10000-19999 except 10050, one database per port.</summary>
public static class EndpointPorts
{
    public const int First = 10000;

    public const int Last = 19999;

    /// <summary>Where automatic assignment starts, as in Redis Enterprise (the first database gets 12000).</summary>
    public const int FirstAssigned = 12000;

    /// <summary>Reserved by Redis Enterprise for internal use; never an endpoint port.</summary>
    public const int Reserved = 10050;

    /// <summary>Whether <paramref name="port"/> may be a database endpoint port.</summary>
    public static bool IsValid(int port) => port is >= First and <= Last && port != Reserved;

    /// <summary>Whether <paramref name="port"/> is valid and neither the port of another database nor of another database's endpoint.</summary>
    /// <param name="bdbUid">The database asking; its own port counts as free. 0 for a database not stored yet.</param>
    public static bool IsFree(ClusterState state, int port, int bdbUid = 0) =>
        IsValid(port) && !UsedPorts(state, bdbUid).Contains(port);

    /// <summary>
    /// The port for a database created without one: the lowest free port from 12000 up to 19999, then from 10000 up to
    /// 11999; null when every endpoint port is taken.
    /// </summary>
    public static int? NextFree(ClusterState state)
    {
        var used = UsedPorts(state, 0);
        foreach (var port in Enumerable.Range(FirstAssigned, Last - FirstAssigned + 1).Concat(Enumerable.Range(First, FirstAssigned - First)))
        {
            if (port != Reserved && !used.Contains(port))
            {
                return port;
            }
        }
        return null;
    }

    private static HashSet<int> UsedPorts(ClusterState state, int exceptBdbUid)
    {
        var used = new HashSet<int>();
        foreach (var bdb in state.Bdbs.Values)
        {
            if (bdb.Uid != exceptBdbUid && bdb.Port != 0)
            {
                used.Add(bdb.Port);
            }
        }
        foreach (var endpoint in state.Endpoints.Values)
        {
            if (endpoint.BdbUid != exceptBdbUid)
            {
                used.Add(endpoint.Port);
            }
        }
        return used;
    }
}
