using System.Diagnostics;
using System.Globalization;
using Spinel.Resp.Acl;
using Spinel.Resp.Commands;
using Spinel.Resp.Framing;
using Xunit.Abstractions;

namespace Spinel.Resp.Tests.Acl;

/// <summary>
/// Applies the same rule strings to <see cref="AclRules"/> and to a user of a real redis-server
/// (<c>ACL SETUSER u reset on nopass allchannels ...</c>), then runs <see cref="AclProbeCommands"/> as that user:
/// redis must answer NOPERM exactly when <see cref="AclRules.Check"/> does, with the same text, and ACL GETUSER must
/// describe the user as we do.
/// </summary>
[Trait("Category", "Integration")]
public class AclDifferentialTests(RedisServerFixture fixture, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    private const int RandomRuleCount = 300;

    public static TheoryData<string> HandPicked =>
    [
        "",
        "+@all",
        "allcommands allkeys",
        "+@all ~*",
        "+@read ~app:*",
        "+@write ~app:*",
        "+@all %R~ro:* %W~wo:* ~app:*",
        "+get +set ~k?",
        "+@all -@dangerous ~*",
        "+@all -config|set ~*",
        "-@all +config|get",
        "+config -config|set",
        "+CONFIG|GET +Client|List +client|id",
        "+@pubsub resetchannels &chan:*",
        "+@all resetchannels &chan:* allkeys",
        "+@all resetchannels &chan:[0-9] &other",
        "+@all resetchannels &chan:*",
        "+select|0 +get ~*",
        "+@all -select +select|1 ~*",
        "+@read +set -@dangerous ~app:* %R~ro:* %W~wo:* resetchannels &chan:* allkeys allcommands nocommands +config|get -debug",
        "+@read +set -@dangerous ~app:* %R~ro:* %W~wo:* &chan:* resetchannels allkeys allcommands nocommands +config|get -debug",
        "+@all %R~* %W~wo:*",
        "+@all ~app:* %RW~ro:*",
        "+@all %W~* -@admin",
        "+@scripting ~app:*",
        "+@stream %R~ro:* ~app:*",
        "+@sortedset +@set ~*",
        "+@geo %R~ro:* %W~wo:*",
        "+sort +sort_ro %R~ro:* %W~wo:*",
        "+@all ~wo:* -@write +set",
        "+@all -@slow ~*",
        "+@all -@fast +get ~*",
        "+@all -@keyspace -@read ~* +@read",
        "+@admin +@dangerous -@all +@connection",
        "+@all -client +client|id",
        "+@all %R~ro:* %R~ro:* %W~ro:*",
        "~app:* allkeys",
        "allkeys ~app:*",
        "allkeys %R~app:*",
        "&chan:1",
        "resetchannels &chan:1 allchannels &x",
        "+nosuchcmd",
        "-@nosuch",
        "+config|nosuch",
        "+config|get|x",
        "+select|",
        "-select|0",
        "-config|get|x",
        "%X~a",
        "%RR~a",
        "bogus",
        "+@ALL -@READ ~*",
        "+@all %RW~* ~*l",
        "+@all %R~* resetkeys %W~wo:*",
        "ALLKEYS ALLCOMMANDS",
    ];

    [Theory]
    [MemberData(nameof(HandPicked))]
    public void Check_HandPickedRules_MatchesRedis(string rules)
    {
        using var session = new Session(fixture.Server.Port);
        var failures = session.Compare(rules);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void Check_RandomRules_MatchesRedis()
    {
        var seed = Environment.GetEnvironmentVariable("SPINEL_ACL_SEED") is { } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"seed {seed} (rerun with SPINEL_ACL_SEED={seed})");
        var generator = new AclRuleGenerator(seed);
        using var session = new Session(fixture.Server.Port);
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        var rejected = 0;
        for (var i = 0; i < RandomRuleCount && failures.Count < 20; i++)
        {
            var rules = generator.Next();
            failures.AddRange(session.Compare(rules));
            rejected += AclRules.TryParse(rules, out _, out _) ? 0 : 1;
        }
        foreach (var (outcome, count) in session.Outcomes)
        {
            output.WriteLine($"{count,6} {outcome}");
        }
        output.WriteLine($"{RandomRuleCount} rule strings ({rejected} refused), {AclProbeCommands.All.Count} probes each, {watch.ElapsedMilliseconds} ms");
        Assert.True(failures.Count == 0, $"seed {seed}:\n" + string.Join('\n', failures));
    }

    /// <summary>An admin connection that sets the user up and a connection that runs the probes as the user.</summary>
    private sealed class Session : IDisposable
    {
        private readonly PipelinedRespClient _admin;
        private readonly PipelinedRespClient _user;

        /// <summary>How often redis answered each way (allowed, or the NOPERM text), to show what a run covered.</summary>
        public Dictionary<string, int> Outcomes { get; } = [];

        public Session(int port)
        {
            _admin = new PipelinedRespClient(port);
            _user = new PipelinedRespClient(port);
        }

        public List<string> Compare(string rules)
        {
            var failures = new List<string>();
            var tokens = rules.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var reply = _admin.Call(["ACL", "SETUSER", "u", "reset", "on", "nopass", "allchannels", .. tokens]);
            var parsed = AclRules.TryParse(rules, out var ours, out var error);
            if (reply is RespTestError redisError)
            {
                if (parsed || redisError.Message != "ERR " + error)
                {
                    failures.Add($"[{rules}] redis refused with '{redisError.Message}', we {(parsed ? "accepted" : "said '" + error + "'")}");
                }
                return failures;
            }
            if (!parsed)
            {
                failures.Add($"[{rules}] redis accepted, we said '{error}'");
                return failures;
            }
            CompareDescription(rules, ours!, failures);
            CompareProbes(rules, ours!, failures);
            return failures;
        }

        public void Dispose()
        {
            _admin.Dispose();
            _user.Dispose();
        }

        private void CompareDescription(string rules, AclRules ours, List<string> failures)
        {
            var fields = (List<object?>)_admin.Call("ACL", "GETUSER", "u")!;
            var map = new Dictionary<string, object?>();
            for (var i = 0; i + 1 < fields.Count; i += 2)
            {
                map[(string)fields[i]!] = fields[i + 1];
            }
            if (!AclDescriptions.SameCommandRules((string)map["commands"]!, ours.DescribeCommands()))
            {
                failures.Add($"[{rules}] commands: redis '{map["commands"]}', ours '{ours.DescribeCommands()}'");
            }
            if ((string)map["keys"]! != string.Join(' ', ours.KeyPatterns))
            {
                failures.Add($"[{rules}] keys: redis '{map["keys"]}', ours '{string.Join(' ', ours.KeyPatterns)}'");
            }
            if ((string)map["channels"]! != string.Join(' ', ours.ChannelPatterns))
            {
                failures.Add($"[{rules}] channels: redis '{map["channels"]}', ours '{string.Join(' ', ours.ChannelPatterns)}'");
            }
            // Redis prints a %RW~* pattern as ~*, which reads back as allkeys and refuses any later pattern; skip those.
            if (ours.KeyPatterns.Count > 1 && ours.KeyPatterns.Contains("~*"))
            {
                return;
            }
            var reparsed = AclRules.Parse(ours.Describe());
            if (reparsed.Describe() != ours.Describe())
            {
                failures.Add($"[{rules}] re-parsing '{ours.Describe()}' gives '{reparsed.Describe()}'");
            }
        }

        private void CompareProbes(string rules, AclRules ours, List<string> failures)
        {
            var probes = AclProbeCommands.All;
            _user.Queue("AUTH", "u", "x");
            _user.Queue("FLUSHALL");
            foreach (var probe in probes)
            {
                _user.Queue(probe.Args);
                if (probe.SubscribeReplies > 0)
                {
                    // RESET leaves subscriber mode but also logs the connection back in as default.
                    _user.Queue("RESET");
                    _user.Queue("AUTH", "u", "x");
                }
            }
            _user.Flush();
            Expect(_user.Read(), "OK", rules, "AUTH");
            _user.Read();
            foreach (var probe in probes)
            {
                var reply = _user.Read();
                if (probe.SubscribeReplies > 0)
                {
                    for (var i = 1; reply is List<object?> && i < probe.SubscribeReplies; i++)
                    {
                        _user.Read();
                    }
                    Expect(_user.Read(), "RESET", rules, probe + " RESET");
                    Expect(_user.Read(), "OK", rules, probe + " AUTH");
                }
                var redisDenial = reply is RespTestError e && e.Message.StartsWith("NOPERM", StringComparison.Ordinal) ? e.Message : null;
                var request = RespRequest.FromArgs(probe.Args);
                var ourDenial = ours.Check(CommandTable.Resolve(request)!, request);
                var outcome = redisDenial is null ? "allowed" : redisDenial.Contains("' command", StringComparison.Ordinal) ? "command denied" : redisDenial;
                Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
                if (redisDenial != ourDenial)
                {
                    failures.Add($"[{rules}] {probe}: redis {Show(reply)}, ours {ourDenial ?? "allowed"}");
                }
            }
        }

        private static void Expect(object? reply, string expected, string rules, string what)
        {
            if (!Equals(reply, expected))
            {
                throw new InvalidOperationException($"[{rules}] {what}: expected {expected}, got {Show(reply)}");
            }
        }

        private static string Show(object? reply) => reply switch
        {
            RespTestError e => "-" + e.Message,
            List<object?> list => "array of " + list.Count,
            null => "(nil)",
            _ => reply.ToString()!,
        };
    }
}
