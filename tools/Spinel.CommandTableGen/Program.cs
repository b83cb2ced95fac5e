using System.Net.Sockets;
using System.Text;
using Spinel.CommandTableGen;

// Usage: Spinel.CommandTableGen <port> [output-file] [host]
if (args.Length < 1 || !int.TryParse(args[0], out var port))
{
    Console.Error.WriteLine("usage: Spinel.CommandTableGen <port> [output-file] [host]");
    return 2;
}
var output = args.Length > 1 ? args[1] : "src/Spinel.Resp/Commands/CommandTable.Generated.cs";
var host = args.Length > 2 ? args[2] : "127.0.0.1";

using var client = new TcpClient();
await client.ConnectAsync(host, port);
var stream = client.GetStream();
var reader = new RespReader(stream);

await stream.WriteAsync(Encode("INFO", "server"));
var info = (string)reader.Read()!;
var version = info.Split('\n').Select(l => l.Trim())
    .FirstOrDefault(l => l.StartsWith("redis_version:", StringComparison.Ordinal))?["redis_version:".Length..]
    ?? throw new InvalidDataException("INFO server has no redis_version");

await stream.WriteAsync(Encode("COMMAND"));
var commands = CommandModel.AsList(reader.Read())
    .Select(CommandModel.Parse)
    .OrderBy(c => c.Name, StringComparer.Ordinal)
    .ToList();

var text = TableEmitter.Emit(version, commands);
await File.WriteAllTextAsync(output, text);
Console.WriteLine($"wrote {commands.Count} commands ({commands.Sum(c => c.Subcommands.Count)} subcommands) from redis {version} to {output}");
return 0;

static byte[] Encode(params string[] args)
{
    var sb = new StringBuilder();
    sb.Append('*').Append(args.Length).Append("\r\n");
    foreach (var arg in args)
    {
        sb.Append('$').Append(Encoding.UTF8.GetByteCount(arg)).Append("\r\n").Append(arg).Append("\r\n");
    }
    return Encoding.UTF8.GetBytes(sb.ToString());
}
