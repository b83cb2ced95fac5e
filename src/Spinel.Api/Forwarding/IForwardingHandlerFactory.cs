namespace Spinel.Api.Forwarding;

/// <summary>Creates the HTTP handler that carries writes to the leader; a seam so that tests can forward without TLS.</summary>
public interface IForwardingHandlerFactory
{
    /// <param name="certificateAuthorityPem">The cluster CA every node's certificate chains to; null when the cluster has none.</param>
    HttpMessageHandler Create(string? certificateAuthorityPem);

    /// <summary>
    /// Like <see cref="Create(string?)"/>, and also trusts exactly <paramref name="pinnedCertificatePem"/> (the custom
    /// REST API certificate every node presents, which need not chain to the cluster CA nor name the node's address).
    /// </summary>
    HttpMessageHandler Create(string? certificateAuthorityPem, string? pinnedCertificatePem) => Create(certificateAuthorityPem);
}
