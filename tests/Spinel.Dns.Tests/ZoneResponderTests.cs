using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Spinel.Dns.Tests.Infrastructure;

namespace Spinel.Dns.Tests;

public sealed class ZoneResponderTests
{
    private static readonly DnsZone Zone = DnsZone.Build(TestTopology.Standard(), nodeUid: 1, ttl: 5);

    private static DnsMessage Query(string name, RecordType type, RecordClass recordClass = RecordClass.INet)
    {
        var query = new DnsMessage { IsQuery = true };
        query.Questions.Add(new DnsQuestion(DomainName.Parse(name), type, recordClass));
        return query;
    }

    [Theory]
    [InlineData(RecordType.Axfr)]
    [InlineData(RecordType.Ixfr)]
    public void Answer_ZoneTransfer_IsRefused(RecordType type)
    {
        var response = ZoneResponder.Answer(Query("cluster.test", type), Zone);

        Assert.Equal(ReturnCode.Refused, response.ReturnCode);
        Assert.Empty(response.AnswerRecords);
    }

    [Fact]
    public void Answer_ChaosClass_IsRefused()
    {
        var response = ZoneResponder.Answer(Query("version.bind", RecordType.Txt, RecordClass.Chaos), Zone);

        Assert.Equal(ReturnCode.Refused, response.ReturnCode);
    }

    [Fact]
    public void Answer_NoQuestion_IsFormatError()
    {
        var response = ZoneResponder.Answer(new DnsMessage { IsQuery = true }, Zone);

        Assert.Equal(ReturnCode.FormatError, response.ReturnCode);
    }

    [Fact]
    public void Answer_NotAQuery_IsNotImplemented()
    {
        var notify = Query("cluster.test", RecordType.Soa);
        notify.OperationCode = OperationCode.Notify;

        var response = ZoneResponder.Answer(notify, Zone);

        Assert.Equal(ReturnCode.NotImplemented, response.ReturnCode);
    }

    [Fact]
    public void Answer_AnyAtApex_GivesSoaAndNameServers()
    {
        var response = ZoneResponder.Answer(Query("cluster.test", RecordType.Any), Zone);

        Assert.True(response.IsAuthoritiveAnswer);
        Assert.Equal([RecordType.Soa, RecordType.Ns, RecordType.Ns, RecordType.Ns], response.AnswerRecords.Select(r => r.RecordType));
        Assert.Equal(3, response.AdditionalRecords.OfType<ARecord>().Count());
    }

    [Fact]
    public void Answer_ApexA_IsEmptyWithSoa()
    {
        var response = ZoneResponder.Answer(Query("cluster.test", RecordType.A), Zone);

        Assert.Equal(ReturnCode.NoError, response.ReturnCode);
        Assert.Empty(response.AnswerRecords);
        Assert.IsType<SoaRecord>(Assert.Single(response.AuthorityRecords));
    }

    [Fact]
    public void Answer_KeepsTransactionIdAndQuestion()
    {
        var query = Query("db1.cluster.test", RecordType.A);
        query.TransactionID = 4321;

        var response = ZoneResponder.Answer(query, Zone);

        Assert.False(response.IsQuery);
        Assert.Equal(4321, response.TransactionID);
        Assert.Equal(query.Questions, response.Questions);
    }
}
