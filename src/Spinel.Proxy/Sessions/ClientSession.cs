using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Spinel.Proxy.Backends;
using Spinel.Proxy.Routing;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Sessions;

/// <summary>
/// One client connection to a database endpoint: reads its commands, routes each to a shard or answers it, and
/// writes the replies back in request order. The reader and the writer each run on their own loop.
/// </summary>
internal sealed partial class ClientSession : IBatchedCompletion
{
    private readonly ConnectionContext _connection;
    private readonly DatabaseRuntime _database;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ReplyQueue _queue;
    private readonly RespRequest _request = new();
    private readonly RespRequestScanner _scanner;
    private readonly CancellationTokenSource _closing = new();
    private readonly List<BackendConnection> _touched = new(4);
    private readonly List<int> _keyIndexes = new(8);

    public ClientSession(ConnectionContext connection, DatabaseRuntime database, ILogger logger, TimeProvider time)
    {
        _connection = connection;
        _database = database;
        _logger = logger;
        _time = time;
        _scanner = new RespRequestScanner(_request);
        _queue = new ReplyQueue(OnReplyCompletedWithinLimit);
        Id = database.NextClientId();
        ConnectedAt = time.GetUtcNow();
        LastActivity = ConnectedAt;
        _authenticated = !database.Table.Database.RequiresAuth;
        _ossCluster = database.Table.Database.OssCluster;
    }

    public long Id { get; }

    public string? Name { get; private set; }

    /// <summary>RESP version the client chose with HELLO (2 until it does).</summary>
    public int Protocol { get; private set; } = 2;

    public DateTimeOffset ConnectedAt { get; }

    public DateTimeOffset LastActivity { get; private set; }

    public string LastCommand { get; private set; } = "NULL";

    public EndPoint? RemoteEndPoint => _connection.RemoteEndPoint;

    public EndPoint? LocalEndPoint => _connection.LocalEndPoint;

    /// <summary>True while the client waits on a blocking command or a held shard, or listens to pub/sub (not idle for timeouts).</summary>
    public bool IsWaiting => _blockedCount > 0 || IsParked || IsSubscribed;

    public async Task RunAsync()
    {
        _database.Register(this);
        try
        {
            await ReadLoopAsync().ConfigureAwait(false);
            await WaitForRepliesAsync().ConfigureAwait(false);
        }
        finally
        {
            _queue.Close();
            StopDraining();
            await CleanupAsync().ConfigureAwait(false);
            _database.Unregister(this);
        }
    }

    /// <summary>Closes the connection from outside (CLIENT KILL, endpoint removed, limits).</summary>
    public void Abort(string reason)
    {
        if (_closing.IsCancellationRequested)
        {
            return;
        }
        _closeReason = reason;
        _closing.Cancel();
        _queue.Close();
        _connection.Abort(new ConnectionAbortedException(reason));
    }

    private string? _closeReason;

    // After the client stopped sending, give replies already owed to it a moment to go out.
    private async Task WaitForRepliesAsync()
    {
        if (_blockedCount > 0)
        {
            // A blocked command may never answer; free its shard connection now, as redis frees a client at EOF.
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            while (_queue.Count > 0 && await _queue.WaitForSpaceAsync(timeout.Token).ConfigureAwait(false))
            {
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // Checked on every completion: while a flush to a client that does not read is pending, the writer is parked and
    // checks nothing, so replies would pile up in the queue without bound.
    private void OnReplyCompletedWithinLimit()
    {
        if (_queue.CompletedBytes > OutputLimit && !_closing.IsCancellationRequested)
        {
            Log.OutputLimit(_logger, Id, _queue.CompletedBytes);
            Abort("output buffer limit reached");
            return;
        }
        OnReplyCompleted();
    }

    private async Task CleanupAsync()
    {
        _queue.Drain();
        await ReleaseStatefulConnectionsAsync().ConfigureAwait(false);
    }
}
