namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// Port names that <c>iptables -L</c> without <c>-n</c> prints (from the node's /etc/services),
/// mapped back to numbers for the well-known ones. A name not in this table cannot be known.
/// </summary>
internal static class ServiceNames
{
    private static readonly Dictionary<string, int> Ports = new(StringComparer.Ordinal)
    {
        ["ftp-data"] = 20, ["ftp"] = 21, ["ssh"] = 22, ["telnet"] = 23, ["smtp"] = 25, ["domain"] = 53,
        ["bootps"] = 67, ["bootpc"] = 68, ["tftp"] = 69, ["http"] = 80, ["www"] = 80, ["kerberos"] = 88,
        ["pop3"] = 110, ["sunrpc"] = 111, ["ntp"] = 123, ["imap2"] = 143, ["imap"] = 143, ["snmp"] = 161,
        ["ldap"] = 389, ["https"] = 443, ["microsoft-ds"] = 445, ["syslog"] = 514, ["submission"] = 587,
        ["ldaps"] = 636, ["rsync"] = 873, ["imaps"] = 993, ["pop3s"] = 995, ["openvpn"] = 1194,
        ["ms-sql-s"] = 1433, ["nfs"] = 2049, ["etcd-client"] = 2379, ["etcd-server"] = 2380, ["mysql"] = 3306,
        ["postgresql"] = 5432, ["amqp"] = 5672, ["sun-sr-https"] = 6443, ["redis"] = 6379,
        ["http-alt"] = 8080, ["webcache"] = 8080, ["mdns"] = 5353, ["memcache"] = 11211, ["zabbix-agent"] = 10050,
        ["zabbix-trapper"] = 10051, ["vxlan"] = 4789, ["domain-s"] = 853, ["xmpp-client"] = 5222,
    };

    /// <summary>The number of a port written as a number or a well-known name; null when it cannot be known.</summary>
    public static string? ToNumber(string port)
    {
        if (port.Length > 0 && char.IsAsciiDigit(port[0]))
        {
            return port;
        }

        return Ports.TryGetValue(port, out var number) ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
