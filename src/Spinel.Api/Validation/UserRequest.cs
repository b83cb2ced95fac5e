using Spinel.ControlPlane.Store;

namespace Spinel.Api.Validation;

/// <summary>The fields a user request gave; null for those it left out.</summary>
internal sealed record UserRequest(string? Name, string? Email, string? Password, UserRole? Role, IReadOnlyList<int>? RoleUids = null);
