using System.Text;
using Spinel.Resp.Commands;

namespace Spinel.Resp.Acl;

public sealed partial class AclRules
{
    private string? _commandsDescription;

    /// <summary>
    /// The command rules as redis 7.0 prints them in <c>ACL GETUSER</c> (<c>commands</c>) and <c>ACL LIST</c>: <c>+@all</c>
    /// or <c>-@all</c>, the categories that best fit, then single commands. Redis emits the single commands in its hash
    /// table order; we use table order, so only that tail's order may differ from a real server.
    /// </summary>
    public string DescribeCommands() => _commandsDescription ??= BuildCommandsDescription();

    /// <summary>
    /// The permission part of an <c>ACL LIST</c> line, as redis 7.0 writes it: keys (<c>~*</c> or each pattern),
    /// channels (<c>&amp;*</c>, or <c>resetchannels</c> and each pattern), then <see cref="DescribeCommands"/>.
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var key in KeyPatterns)
        {
            text.Append(key).Append(' ');
        }
        if (!_allChannels)
        {
            text.Append("resetchannels ");
        }
        foreach (var channel in ChannelPatterns)
        {
            text.Append(channel).Append(' ');
        }
        return text.Append(DescribeCommands()).ToString();
    }

    // Redis's ACLDescribeSelectorCommandRules: greedily pick the category with the fewest differences (ties: the most
    // in common) while it has more in common than not, tracking the rules on a fake bitmap, then fix single commands.
    private string BuildCommandsDescription()
    {
        var additive = !_futureCommands;
        var text = new StringBuilder(additive ? "-@all " : "+@all ");
        var fake = AclCommandBits.Create(allowAll: !additive);
        var temp = (ulong[])_commands.Clone();
        var categories = RedisNames.AclCategories;
        var applied = new bool[categories.Length];
        while (true)
        {
            var best = -1;
            int minDiff = int.MaxValue, maxSame = 0;
            for (var j = 0; j < categories.Length; j++)
            {
                if (applied[j])
                {
                    continue;
                }
                var (on, off) = AclCommandBits.Count(temp, categories[j].Category);
                var diff = additive ? off : on;
                var same = additive ? on : off;
                if (same > diff && (diff < minDiff || (diff == minDiff && same > maxSame)))
                {
                    best = j;
                    minDiff = diff;
                    maxSame = same;
                }
            }
            if (best < 0)
            {
                break;
            }
            AclCommandBits.ChangeCategory(fake, categories[best].Category, additive);
            AclCommandBits.ChangeCategory(temp, categories[best].Category, !additive);
            text.Append(additive ? "+@" : "-@").Append(categories[best].Name).Append(' ');
            applied[best] = true;
        }
        foreach (var command in CommandTable.All)
        {
            DescribeSingle(command, fake, text);
            foreach (var sub in command.Subcommands)
            {
                DescribeSingle(sub, fake, text);
            }
            var id = AclCommandIndex.IdOf(command);
            if (!AclCommandBits.Get(_commands, id) && _firstArgs.TryGetValue(id, out var firstArgs))
            {
                foreach (var firstArg in firstArgs)
                {
                    text.Append('+').Append(command.Name).Append('|').Append(firstArg).Append(' ');
                }
            }
        }
        if (!AclCommandBits.SameBits(fake, _commands))
        {
            throw new InvalidOperationException("ACL description does not reproduce the command bitmap: " + text);
        }
        return text.ToString(0, text.Length - 1);
    }

    private void DescribeSingle(CommandInfo command, ulong[] fake, StringBuilder text)
    {
        var id = AclCommandIndex.IdOf(command);
        var allowed = AclCommandBits.Get(_commands, id);
        if (allowed != AclCommandBits.Get(fake, id))
        {
            text.Append(allowed ? '+' : '-').Append(command.Name).Append(' ');
            AclCommandBits.ChangePermission(fake, command, allowed);
        }
    }
}
