namespace Spinel.ControlPlane.Tests.Raft;

/// <summary>Raft tests run one at a time: elections on two cores are timing-sensitive enough without competing clusters.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RaftTestCollection
{
    public const string Name = "Raft";
}
