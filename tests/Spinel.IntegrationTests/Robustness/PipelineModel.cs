namespace Spinel.IntegrationTests.Robustness;

/// <summary>
/// Generates random mixed commands over a few keys of each type and predicts each reply, rendered as
/// <see cref="Infrastructure.RawRespClient.Render"/> renders it. Keys carry a prefix of their own, so the model
/// starts from an empty database.
/// </summary>
public sealed class PipelineModel(string prefix, Random random)
{
    private readonly Dictionary<string, string> _strings = [];
    private readonly Dictionary<string, List<string>> _lists = [];
    private readonly Dictionary<string, Dictionary<string, string>> _hashes = [];
    private int _values;

    public (string[] Command, string Expected) Next()
    {
        switch (random.Next(100))
        {
            case < 12:
                {
                    var key = StringKey();
                    var value = Value();
                    _strings[key] = value;
                    return (["SET", key, value], "+OK");
                }
            case < 24:
                {
                    var key = random.Next(2) == 0 ? StringKey() : CounterKey();
                    return (["GET", key], _strings.TryGetValue(key, out var value) ? value : "(nil)");
                }
            case < 34:
                {
                    var key = CounterKey();
                    var next = (_strings.TryGetValue(key, out var value) ? long.Parse(value) : 0) + 1;
                    _strings[key] = next.ToString();
                    return (["INCR", key], ":" + next);
                }
            case < 42:
                {
                    var key = ListKey();
                    var value = Value();
                    var list = _lists.TryGetValue(key, out var l) ? l : _lists[key] = [];
                    list.Insert(0, value);
                    return (["LPUSH", key, value], ":" + list.Count);
                }
            case < 50:
                {
                    var key = ListKey();
                    var items = _lists.TryGetValue(key, out var list) ? list.Take(5) : [];
                    return (["LRANGE", key, "0", "4"], "[" + string.Join(", ", items) + "]");
                }
            case < 58:
                {
                    var key = HashKey();
                    var field = "f" + random.Next(5);
                    var value = Value();
                    var hash = _hashes.TryGetValue(key, out var h) ? h : _hashes[key] = [];
                    var added = hash.TryAdd(field, value);
                    hash[field] = value;
                    return (["HSET", key, field, value], added ? ":1" : ":0");
                }
            case < 66:
                {
                    var key = HashKey();
                    var field = "f" + random.Next(5);
                    var value = _hashes.TryGetValue(key, out var hash) && hash.TryGetValue(field, out var v) ? v : "(nil)";
                    return (["HGET", key, field], value);
                }
            case < 74:
                {
                    var keys = Enumerable.Range(0, random.Next(2, 6)).Select(_ => random.Next(2) == 0 ? StringKey() : CounterKey()).ToArray();
                    var values = keys.Select(k => _strings.TryGetValue(k, out var value) ? value : "(nil)");
                    return (["MGET", .. keys], "[" + string.Join(", ", values) + "]");
                }
            case < 79:
                {
                    var keys = Enumerable.Range(0, random.Next(1, 4)).Select(_ => AnyKey()).ToArray();
                    var deleted = keys.Distinct().Count(k => _strings.Remove(k) | _lists.Remove(k) | _hashes.Remove(k));
                    return (["DEL", .. keys], ":" + deleted);
                }
            case < 86:
                {
                    var keys = Enumerable.Range(0, random.Next(1, 5)).Select(_ => AnyKey()).ToArray();
                    return (["EXISTS", .. keys], ":" + keys.Count(Exists));
                }
            case < 93:
                return (["PING"], "+PONG");
            default:
                {
                    var message = Value();
                    return (["ECHO", message], message);
                }
        }
    }

    private bool Exists(string key) => _strings.ContainsKey(key) || _lists.ContainsKey(key) || _hashes.ContainsKey(key);

    private string Value()
    {
        var n = _values++;
        return random.Next(10) switch
        {
            0 => $"crlf\r\n{n}\r\n",
            1 => "",
            2 => new string('x', random.Next(100, 3000)) + n,
            _ => $"v{n} with space",
        };
    }

    private string StringKey() => $"{prefix}:s:{random.Next(30)}";

    private string CounterKey() => $"{prefix}:c:{random.Next(10)}";

    private string ListKey() => $"{prefix}:l:{random.Next(10)}";

    private string HashKey() => $"{prefix}:h:{random.Next(10)}";

    private string AnyKey() => random.Next(4) switch
    {
        0 => StringKey(),
        1 => CounterKey(),
        2 => ListKey(),
        _ => HashKey(),
    };
}
