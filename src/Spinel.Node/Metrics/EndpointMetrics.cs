using Prometheus;
using Spinel.Proxy.Metrics;

namespace Spinel.Node.Metrics;

/// <summary>
/// Redis Enterprise v2 <c>endpoint_*</c> families, set at scrape time from the proxy's cumulative counters. Latency
/// histograms are rebuilt from per-bucket counts and sums: each bucket's new observations are added at their mean, which
/// lies inside the bucket, so bucket counts and the sum are exact.
/// </summary>
internal sealed class EndpointMetrics
{
    private static readonly string[] Labels = ["cluster", "node", "db", "port"];

    private readonly SeriesTracker _series = new();
    private readonly Dictionary<(string Db, string Port, RequestKind Kind), LatencyHistogramSnapshot> _exported = [];
    private readonly Gauge _connections;
    private readonly Counter _accepted, _disconnections, _rejected, _authFailures, _ingress, _egress;
    private readonly Counter _readRequests, _writeRequests, _otherRequests, _readResponses, _writeResponses, _otherResponses;
    private readonly Histogram _readLatency, _writeLatency, _otherLatency;

    public EndpointMetrics(IMetricFactory factory)
    {
        _connections = _series.Track<Gauge, Gauge.Child>(factory.CreateGauge("endpoint_client_connections", "Clients connected to the endpoint now", Labels));
        _accepted = Counter(factory, "endpoint_client_connections_accepted", "Client connections the endpoint accepted");
        _disconnections = Counter(factory, "endpoint_client_disconnections", "Client connections that ended");
        _rejected = Counter(factory, "endpoint_client_connections_rejected", "Client connections refused at the database's client limit");
        _authFailures = Counter(factory, "endpoint_client_auth_failures", "AUTH or HELLO AUTH with wrong credentials");
        _ingress = Counter(factory, "endpoint_ingress", "Bytes of requests read from clients");
        _egress = Counter(factory, "endpoint_egress", "Bytes of replies written to clients");
        _readRequests = Counter(factory, "endpoint_read_requests", "Read-only commands received");
        _writeRequests = Counter(factory, "endpoint_write_requests", "Commands that may write received");
        _otherRequests = Counter(factory, "endpoint_other_requests", "Other commands received (connection, admin, pub/sub ...)");
        _readResponses = Counter(factory, "endpoint_read_responses", "Replies to read-only commands");
        _writeResponses = Counter(factory, "endpoint_write_responses", "Replies to commands that may write");
        _otherResponses = Counter(factory, "endpoint_other_responses", "Replies to other commands");
        _readLatency = Histogram(factory, "endpoint_read_requests_latency_histogram", "Latency of read-only commands in microseconds, request read to reply ready");
        _writeLatency = Histogram(factory, "endpoint_write_requests_latency_histogram", "Latency of commands that may write in microseconds, request read to reply ready");
        _otherLatency = Histogram(factory, "endpoint_other_requests_latency_histogram", "Latency of other commands in microseconds, request read to reply ready");
    }

    public void Update(string cluster, string node, IReadOnlyList<EndpointCounterSnapshot> endpoints)
    {
        foreach (var endpoint in endpoints)
        {
            var labels = _series.Seen(cluster, node, endpoint.BdbUid.ToString(), endpoint.Port.ToString());
            _connections.WithLabels(labels).Set(endpoint.Connections);
            _accepted.WithLabels(labels).IncTo(endpoint.AcceptedConnections);
            _disconnections.WithLabels(labels).IncTo(endpoint.Disconnections);
            _rejected.WithLabels(labels).IncTo(endpoint.RejectedConnections);
            _authFailures.WithLabels(labels).IncTo(endpoint.AuthFailures);
            _ingress.WithLabels(labels).IncTo(endpoint.IngressBytes);
            _egress.WithLabels(labels).IncTo(endpoint.EgressBytes);
            _readRequests.WithLabels(labels).IncTo(endpoint.ReadRequests);
            _writeRequests.WithLabels(labels).IncTo(endpoint.WriteRequests);
            _otherRequests.WithLabels(labels).IncTo(endpoint.OtherRequests);
            _readResponses.WithLabels(labels).IncTo(endpoint.ReadResponses);
            _writeResponses.WithLabels(labels).IncTo(endpoint.WriteResponses);
            _otherResponses.WithLabels(labels).IncTo(endpoint.OtherResponses);
            Observe(_readLatency, labels, RequestKind.Read, endpoint.ReadLatency);
            Observe(_writeLatency, labels, RequestKind.Write, endpoint.WriteLatency);
            Observe(_otherLatency, labels, RequestKind.Other, endpoint.OtherLatency);
        }
        _series.RemoveUnseen();
    }

    private void Observe(Histogram histogram, string[] labels, RequestKind kind, LatencyHistogramSnapshot now)
    {
        var key = (labels[2], labels[3], kind);
        _exported.TryGetValue(key, out var before);
        var child = histogram.WithLabels(labels);
        for (var i = 0; i < now.Counts.Length; i++)
        {
            var count = now.Counts[i] - (before?.Counts[i] ?? 0);
            var sum = now.SumsMicroseconds[i] - (before?.SumsMicroseconds[i] ?? 0);
            if (count > 0)
            {
                child.Observe((double)sum / count, count);
            }
        }
        _exported[key] = now;
    }

    private Counter Counter(IMetricFactory factory, string name, string help) =>
        _series.Track<Counter, Counter.Child>(factory.CreateCounter(name, help, Labels));

    private Histogram Histogram(IMetricFactory factory, string name, string help) =>
        _series.Track<Histogram, Histogram.Child>(factory.CreateHistogram(name, help, Labels, new HistogramConfiguration
        {
            Buckets = [.. LatencyBuckets.UpperBoundsMicroseconds.Where(double.IsFinite)],
        }));
}
