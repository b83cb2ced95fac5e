using Spinel.Resp.Acl;

namespace Spinel.Proxy.Auth;

/// <summary>A user other than the default one that may authenticate at an endpoint, with its compiled ACL rules.</summary>
/// <param name="Name">The name the client gives in <c>AUTH</c>.</param>
/// <param name="PasswordDigests">SHA-256 digests of the user's passwords.</param>
/// <param name="Rules">What the user may run and touch on this database.</param>
/// <param name="RulesText">The rules as configured, for ACL LIST and GETUSER.</param>
internal sealed record EndpointUser(string Name, IReadOnlyList<byte[]> PasswordDigests, AclRules Rules, string RulesText);
