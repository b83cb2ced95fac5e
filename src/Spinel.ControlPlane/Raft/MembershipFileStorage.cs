using System.Net;
using DotNext.Buffers;
using DotNext.Net;
using DotNext.Net.Cluster.Consensus.Raft.Membership;

namespace Spinel.ControlPlane.Raft;

/// <summary>The Raft membership (member endpoints and configuration version) in one file, so a restarted node knows its cluster.</summary>
internal sealed class MembershipFileStorage(string fileName) : PersistentClusterConfigurationStorage<EndPoint>(fileName)
{
    protected override IEqualityComparer<EndPoint> Comparer => EqualityComparer<EndPoint>.Default;

    protected override void Encode(EndPoint address, ref BufferWriterSlim<byte> writer) => EndPointFormatter.WriteEndPoint(ref writer, address);

    protected override EndPoint Decode(ref SequenceReader reader) => EndPointFormatter.ReadEndPoint(ref reader);
}
