using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace Spinel.Proxy.Tls;

/// <summary>An accepted connection after a TLS handshake: the session reads and writes clear text through the same pipes API.</summary>
internal sealed class TlsConnection : ConnectionContext
{
    private readonly ConnectionContext _inner;
    private readonly SslStream _ssl;

    private TlsConnection(ConnectionContext inner, SslStream ssl)
    {
        _inner = inner;
        _ssl = ssl;
        Transport = new Pipe(PipeReader.Create(ssl, new StreamPipeReaderOptions(leaveOpen: true)), PipeWriter.Create(ssl, new StreamPipeWriterOptions(leaveOpen: true)));
    }

    /// <summary>
    /// Runs the server side of the handshake; throws when it fails or takes longer than <paramref name="timeout"/>. With
    /// <paramref name="trustedClients"/>, the client must present one of those certificates or one they issued.
    /// </summary>
    public static async Task<TlsConnection> AcceptAsync(ConnectionContext inner, X509Certificate2 certificate, IReadOnlyList<string> trustedClients,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(new DuplexPipeStream(inner.Transport), leaveInnerStreamOpen: false);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate,
                ClientCertificateRequired = trustedClients.Count > 0,
                RemoteCertificateValidationCallback = trustedClients.Count > 0 ? (_, client, _, _) => ClientCertificates.IsTrusted(client, trustedClients) : null,
            }, deadline.Token).ConfigureAwait(false);
            return new TlsConnection(inner, ssl);
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override IDuplexPipe Transport { get; set; }

    public override string ConnectionId { get => _inner.ConnectionId; set => _inner.ConnectionId = value; }

    public override IFeatureCollection Features => _inner.Features;

    public override IDictionary<object, object?> Items { get => _inner.Items; set => _inner.Items = value; }

    public override EndPoint? LocalEndPoint { get => _inner.LocalEndPoint; set => _inner.LocalEndPoint = value; }

    public override EndPoint? RemoteEndPoint { get => _inner.RemoteEndPoint; set => _inner.RemoteEndPoint = value; }

    public override CancellationToken ConnectionClosed { get => _inner.ConnectionClosed; set => _inner.ConnectionClosed = value; }

    public override void Abort(ConnectionAbortedException abortReason) => _inner.Abort(abortReason);

    public override void Abort() => _inner.Abort();

    public override async ValueTask DisposeAsync()
    {
        await Transport.Input.CompleteAsync().ConfigureAwait(false);
        await Transport.Output.CompleteAsync().ConfigureAwait(false);
        await _ssl.DisposeAsync().ConfigureAwait(false);
        await _inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Pipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
