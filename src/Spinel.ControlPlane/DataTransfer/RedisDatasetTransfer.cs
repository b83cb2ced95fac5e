using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Spinel.Resp.Slots;
using StackExchange.Redis;

namespace Spinel.ControlPlane.DataTransfer;

/// <summary>
/// Export asks the shard for its RDB over the replication protocol with <c>redis-cli --rdb</c>; import lets a private
/// <c>redis-server</c> read the file (so any RDB redis can read is accepted) and copies each key with DUMP/PTTL and
/// RESTORE into the master of its slot. Both tools come with the redis packages the shards already need.
/// </summary>
public sealed class RedisDatasetTransfer : IDatasetTransfer
{
    private const int Batch = 500;

    public async Task<long> ExportShardAsync(string host, int port, string file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var partial = file + ".partial";
        var (exitCode, output) = await RunAsync("redis-cli",
            ["-h", host, "-p", port.ToString(CultureInfo.InvariantCulture), "--rdb", partial], cancellationToken).ConfigureAwait(false);
        if (exitCode != 0 || !File.Exists(partial))
        {
            File.Delete(partial);
            throw new IOException($"redis-cli --rdb from {host}:{port} failed ({exitCode}): {output.Trim()}");
        }
        File.Move(partial, file, overwrite: true);
        return new FileInfo(file).Length;
    }

    public async Task FlushAsync(string host, int port, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync($"{host}:{port}").ConfigureAwait(false);
        await connection.GetDatabase().ExecuteAsync("FLUSHALL").ConfigureAwait(false);
    }

    public async Task<long> ImportFileAsync(string file, KeyHashing hashing, Func<int, (string Host, int Port)> masterOf, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"import source {full} does not exist", full);
        }
        // The reader gets a copy in a directory of its own: redis-server must never write next to the user's file.
        var scratch = Directory.CreateTempSubdirectory("spinel-import-");
        try
        {
            File.Copy(full, Path.Combine(scratch.FullName, "dump.rdb"));
            var port = FreePort();
            using var reader = Process.Start(new ProcessStartInfo("redis-server")
            {
                ArgumentList = { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", scratch.FullName,
                    "--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no", "--logfile", Path.Combine(scratch.FullName, "redis.log") },
                UseShellExecute = false,
            }) ?? throw new IOException("redis-server could not be started to read the import file");
            try
            {
                return await CopyKeysAsync(port, reader, scratch.FullName, hashing, masterOf, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                reader.Kill();
                await reader.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task<long> CopyKeysAsync(int port, Process reader, string scratch, KeyHashing hashing,
        Func<int, (string Host, int Port)> masterOf, CancellationToken cancellationToken)
    {
        var source = await WaitForReaderAsync(port, reader, scratch, cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var targets = new Dictionary<(string, int), ConnectionMultiplexer>();
            try
            {
                var from = source.GetDatabase();
                long copied = 0;
                var keys = new List<RedisKey>(Batch);
                await foreach (var key in source.GetServer("127.0.0.1", port).KeysAsync(pageSize: Batch).WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    keys.Add(key);
                    if (keys.Count == Batch)
                    {
                        copied += await CopyBatchAsync(from, keys, targets, hashing, masterOf).ConfigureAwait(false);
                    }
                }
                return copied + await CopyBatchAsync(from, keys, targets, hashing, masterOf).ConfigureAwait(false);
            }
            finally
            {
                foreach (var target in targets.Values)
                {
                    await target.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task<long> CopyBatchAsync(IDatabase from, List<RedisKey> keys, Dictionary<(string, int), ConnectionMultiplexer> targets,
        KeyHashing hashing, Func<int, (string Host, int Port)> masterOf)
    {
        var dumps = keys.Select(k => from.KeyDumpAsync(k)).ToList();
        var ttls = keys.Select(k => from.ExecuteAsync("PTTL", k)).ToList();
        await Task.WhenAll(dumps).ConfigureAwait(false);
        await Task.WhenAll(ttls).ConfigureAwait(false);
        var restores = new List<Task>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            if (dumps[i].Result is not { } payload)
            {
                continue; // expired since it was listed
            }
            var ttl = (long)ttls[i].Result;
            var target = masterOf(hashing.SlotOf((byte[])keys[i]!));
            if (!targets.TryGetValue(target, out var connection))
            {
                connection = await ConnectAsync($"{target.Host}:{target.Port}").ConfigureAwait(false);
                targets[target] = connection;
            }
            restores.Add(connection.GetDatabase().ExecuteAsync("RESTORE", keys[i], Math.Max(0, ttl), payload, "REPLACE"));
        }
        await Task.WhenAll(restores).ConfigureAwait(false);
        var count = restores.Count;
        keys.Clear();
        return count;
    }

    private static async Task<ConnectionMultiplexer> WaitForReaderAsync(int port, Process reader, string scratch, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            if (reader.HasExited)
            {
                var log = File.Exists(Path.Combine(scratch, "redis.log")) ? File.ReadLines(Path.Combine(scratch, "redis.log")).TakeLast(3) : [];
                throw new IOException($"redis-server could not read the import file: {string.Join(" | ", log)}");
            }
            try
            {
                var connection = await ConnectAsync($"127.0.0.1:{port}").ConfigureAwait(false);
                var loading = (await connection.GetServer("127.0.0.1", port).InfoAsync("persistence").ConfigureAwait(false))
                    .SelectMany(g => g).FirstOrDefault(p => p.Key == "loading").Value;
                if (loading == "0")
                {
                    return connection;
                }
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            catch (RedisException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("redis-server did not finish loading the import file within 10 minutes");
            }
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<ConnectionMultiplexer> ConnectAsync(string endpoint) =>
        ConnectionMultiplexer.ConnectAsync($"{endpoint},allowAdmin=true,abortConnect=true,connectTimeout=2000,syncTimeout=30000,asyncTimeout=30000");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new IOException($"{tool} could not be started");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false) + await error.ConfigureAwait(false));
    }
}
