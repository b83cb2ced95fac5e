namespace Spinel.ControlPlane.Store;

/// <summary>The cluster itself (Redis Enterprise <c>cluster</c> object); exists once the cluster is created.</summary>
public sealed record ClusterRecord
{
    /// <summary>Cluster name, an FQDN such as <c>cluster.local</c>; database DNS names end with it.</summary>
    public required string Name { get; init; }

    /// <summary>When the cluster was created, as the proposer's clock read it.</summary>
    public required DateTimeOffset CreatedTime { get; init; }

    /// <summary>PEM certificate of the cluster's certificate authority, generated at create; every node's HTTPS certificate chains to it.</summary>
    public string? CertificateAuthorityPem { get; init; }

    /// <summary>PEM private key of the certificate authority, so that a joining node can issue its own certificate.</summary>
    public string? CertificateAuthorityKeyPem { get; init; }

    /// <summary>Certificate the database endpoints present to TLS clients; null means each node's cluster-issued one.</summary>
    public CertificatePair? ProxyCertificate { get; init; }

    /// <summary>Certificate the REST API and console present; null means each node's cluster-issued one.</summary>
    public CertificatePair? ApiCertificate { get; init; }

    /// <summary>How fast a silent node is declared down (<c>failure_detection_sensitivity</c>): high for a LAN, low for clouds.</summary>
    public FailureDetectionSensitivity FailureDetectionSensitivity { get; init; } = FailureDetectionSensitivity.High;

    /// <summary>Whether replicas lost with a node are re-created elsewhere (<c>slave_ha</c>).</summary>
    public bool SlaveHa { get; init; } = true;

    /// <summary>How long a node must stay down before its replicas are re-created elsewhere (<c>slave_ha_grace_period</c>), in seconds.</summary>
    public int SlaveHaGracePeriod { get; init; } = 600;
}
