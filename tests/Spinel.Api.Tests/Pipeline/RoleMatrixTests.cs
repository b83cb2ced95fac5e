using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Tests.Pipeline;

/// <summary>
/// The RBAC matrix over real requests: each management role against one request of each kind (read, manage databases,
/// manage users, manage the cluster). Allowed means anything but 401/403 (the request may still be refused for its
/// content); refused means 403 <c>insufficient_permissions</c>.
/// </summary>
public sealed class RoleMatrixTests
{
    private static readonly (string Kind, HttpMethod Method, string Path, string Body)[] Requests =
    [
        ("read", HttpMethod.Get, "/v1/bdbs", ""),
        ("databases", HttpMethod.Post, "/v1/bdbs", """{"name":"rbac","memory_size":1}"""),
        ("databases", HttpMethod.Post, "/v1/bdbs/1/passwords", """{"password":"p"}"""),
        ("users", HttpMethod.Post, "/v1/users", """{"name":"new","password":"p-Ass1234","role":"db_viewer"}"""),
        ("cluster", HttpMethod.Put, "/v1/cluster", """{"slave_ha":false}"""),
        ("read", HttpMethod.Get, "/v1/roles", ""),
        ("read", HttpMethod.Get, "/v1/redis_acls/1", ""),
        ("users", HttpMethod.Post, "/v1/roles", """{"name":"r","management":"db_viewer"}"""),
        ("users", HttpMethod.Post, "/v1/redis_acls", """{"name":"a","acl":"+@read ~*"}"""),
    ];

    public static TheoryData<UserRole, string> Matrix() => new()
    {
        { UserRole.Admin, "read,databases,users,cluster" },
        { UserRole.ClusterMember, "read,databases" },
        { UserRole.DbMember, "read,databases" },
        { UserRole.ClusterViewer, "read" },
        { UserRole.DbViewer, "read" },
        { UserRole.UserManager, "read,users" },
        { UserRole.None, "" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachRole_GetsExactlyItsPermissions(UserRole role, string allowed)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        host.AddUser("subject@x.io", "subject-Pass1", role, "subject@x.io");
        var client = host.Client("subject@x.io", "subject-Pass1");

        foreach (var (kind, method, path, body) in Requests)
        {
            using var response = method == HttpMethod.Get ? await client.GetAsync(path) : await client.SendJsonAsync(method, path, body);
            var text = await response.Content.ReadAsStringAsync();
            if (allowed.Split(',').Contains(kind))
            {
                Assert.True(response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized), $"{role} {method} {path}: {(int)response.StatusCode} {text}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden && text.Contains("insufficient_permissions", StringComparison.Ordinal),
                    $"{role} {method} {path} should be refused: {(int)response.StatusCode} {text}");
            }
        }
    }
}
