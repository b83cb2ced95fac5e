namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Deletes a role; rejected while a user holds it or a database binds it.</summary>
public sealed record DeleteRole : ClusterCommand
{
    public required int Uid { get; init; }

    /// <summary>When set, the command is rejected unless the current record's version equals it.</summary>
    public long? ExpectedVersion { get; init; }
}
