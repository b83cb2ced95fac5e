namespace Spinel.Api.Http;

/// <summary>The Redis Enterprise <c>error_code</c> values this API answers with.</summary>
internal static class ErrorCodes
{
    public const string BadRequest = "bad_request";
    public const string InvalidJson = "invalid_json";
    public const string UnsupportedMediaType = "unsupported_content_type";
    public const string RequestTooLarge = "request_too_large";
    public const string InvalidSchema = "invalid_schema";
    public const string InvalidParameter = "invalid_parameter";
    public const string MissingDbName = "missing_db_name";
    public const string MissingMemorySize = "missing_memory_size";
    public const string InvalidSharding = "invalid_sharding";
    public const string NameImmutable = "name_immutable";
    public const string InvalidCertificate = "invalid_certificate";
    public const string InvalidCertificateName = "invalid_certificate_name";
    public const string CertificateExpired = "certificate_expired";
    public const string ConfigError = "config_error";
    public const string Unauthorized = "unauthorized";
    public const string InsufficientPermissions = "insufficient_permissions";
    public const string NotFound = "not_found";
    public const string BdbNotFound = "db_not_found";
    public const string NodeNotFound = "node_not_found";
    public const string ShardNotFound = "shard_not_found";
    public const string ActionNotFound = "action_not_found";
    public const string ShardUidsRequired = "shard_uids_required";
    public const string TargetNodeUidRequired = "target_node_uid_required";
    public const string UserNotFound = "user_not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string Busy = "busy";
    public const string UserExists = "user_exists";
    public const string LastAdmin = "last_admin";
    public const string NodeNotInCluster = "node_not_in_cluster";
    public const string NoQuorum = "no_quorum";
    public const string LeaderUnreachable = "leader_unreachable";
    public const string InternalError = "internal_error";
    public const string InvalidAcl = "invalid_acl";
    public const string RedisAclNotFound = "redis_acl_not_found";
    public const string RedisAclExists = "redis_acl_exists";
    public const string RedisAclImmutable = "redis_acl_immutable";
    public const string RoleNotFound = "role_not_found";
    public const string RoleExists = "role_exists";
    public const string InUse = "in_use";
}
