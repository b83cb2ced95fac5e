using Spinel.Resp.Commands;

namespace Spinel.Resp.Acl;

/// <summary>Operations on a command bitmap indexed by <see cref="AclCommandIndex"/> ids, with redis 7.0's container rules.</summary>
internal static class AclCommandBits
{
    public static ulong[] Create(bool allowAll)
    {
        var bits = new ulong[AclCommandIndex.WordCount];
        if (allowAll)
        {
            FillAll(bits);
        }
        return bits;
    }

    /// <summary>Sets the bit of every known command (bits past the last id stay clear, so bitmaps compare exactly).</summary>
    public static void FillAll(ulong[] bits)
    {
        for (var id = 0; id < AclCommandIndex.Count; id++)
        {
            Set(bits, id, true);
        }
    }

    public static bool Get(ulong[] bits, int id) => (bits[id >> 6] & (1UL << (id & 63))) != 0;

    public static void Set(ulong[] bits, int id, bool value)
    {
        if (value)
        {
            bits[id >> 6] |= 1UL << (id & 63);
        }
        else
        {
            bits[id >> 6] &= ~(1UL << (id & 63));
        }
    }

    /// <summary>
    /// Allows or denies one command; a container takes all its subcommands with it. <paramref name="changed"/> hears
    /// the command itself (not its subcommands), as redis resets first-args there.
    /// </summary>
    public static void ChangePermission(ulong[] bits, CommandInfo command, bool allow, Action<int>? changed = null)
    {
        var id = AclCommandIndex.IdOf(command);
        Set(bits, id, allow);
        changed?.Invoke(id);
        foreach (var sub in command.Subcommands)
        {
            Set(bits, AclCommandIndex.IdOf(sub), allow);
        }
    }

    /// <summary>
    /// <c>+@cat</c> / <c>-@cat</c>: every command and subcommand in the category changes, and a container in it
    /// changes all its subcommands, whatever their own categories.
    /// </summary>
    public static void ChangeCategory(ulong[] bits, AclCategories category, bool allow, Action<int>? changed = null)
    {
        foreach (var command in CommandTable.All)
        {
            if ((command.AclCategories & category) != 0)
            {
                ChangePermission(bits, command, allow, changed);
            }
            foreach (var sub in command.Subcommands)
            {
                if ((sub.AclCategories & category) != 0)
                {
                    ChangePermission(bits, sub, allow, changed);
                }
            }
        }
    }

    /// <summary>How many commands of <paramref name="category"/> (subcommands included) the bitmap allows and denies.</summary>
    public static (int On, int Off) Count(ulong[] bits, AclCategories category)
    {
        int on = 0, off = 0;
        for (var id = 0; id < AclCommandIndex.Count; id++)
        {
            if ((AclCommandIndex.ById[id].AclCategories & category) == 0)
            {
                continue;
            }
            if (Get(bits, id))
            {
                on++;
            }
            else
            {
                off++;
            }
        }
        return (on, off);
    }

    public static bool SameBits(ulong[] a, ulong[] b) => a.AsSpan().SequenceEqual(b);
}
