using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace Spinel.Dns;

/// <summary>Answers one DNS query from a <see cref="DnsZone"/>, as the zone's authoritative server does; pure and thread-safe.</summary>
internal static class ZoneResponder
{
    public static DnsMessage Answer(DnsMessage query, DnsZone zone)
    {
        var response = query.CreateResponseInstance();
        response.IsRecursionAllowed = false;
        if (query.OperationCode != OperationCode.Query)
        {
            response.ReturnCode = ReturnCode.NotImplemented;
            return response;
        }
        if (query.Questions.Count != 1)
        {
            response.ReturnCode = ReturnCode.FormatError;
            return response;
        }
        var question = query.Questions[0];
        // Not our zone, not the Internet class, or a zone transfer (the nodes build the zone from the store themselves,
        // so there are no secondaries to feed): refuse rather than pretend.
        if (!zone.Contains(question.Name) || question.RecordClass is not (RecordClass.INet or RecordClass.Any) ||
            question.RecordType is RecordType.Axfr or RecordType.Ixfr)
        {
            response.ReturnCode = ReturnCode.Refused;
            return response;
        }

        response.IsAuthoritiveAnswer = true;
        var soa = zone.Soa!;
        var type = question.RecordType;
        if (question.Name.Equals(zone.Apex))
        {
            if (type is RecordType.Soa or RecordType.Any)
            {
                response.AnswerRecords.Add(soa);
            }
            if (type is RecordType.Ns or RecordType.Any)
            {
                response.AnswerRecords.AddRange(zone.NameServers);
                foreach (var nameServer in zone.NameServers)
                {
                    AddAddresses(response.AdditionalRecords, nameServer.NameServer, zone, RecordType.Any);
                }
            }
        }
        else if (zone.TryGetAddresses(question.Name, out _))
        {
            AddAddresses(response.AnswerRecords, question.Name, zone, type);
        }
        else
        {
            response.ReturnCode = ReturnCode.NxDomain;
        }

        if (response.AnswerRecords.Count == 0)
        {
            // RFC 2308: the SOA in the authority section tells resolvers how long they may cache the negative answer.
            response.AuthorityRecords.Add(soa);
        }
        return response;
    }

    private static void AddAddresses(List<DnsRecordBase> records, DomainName name, DnsZone zone, RecordType type)
    {
        if (!zone.TryGetAddresses(name, out var addresses))
        {
            return;
        }
        foreach (var address in addresses)
        {
            if (address.AddressFamily == AddressFamily.InterNetwork && type is RecordType.A or RecordType.Any)
            {
                records.Add(new ARecord(name, zone.Ttl, address));
            }
            else if (address.AddressFamily == AddressFamily.InterNetworkV6 && type is RecordType.Aaaa or RecordType.Any)
            {
                records.Add(new AaaaRecord(name, zone.Ttl, address));
            }
        }
    }
}
