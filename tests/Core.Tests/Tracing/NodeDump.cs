namespace NetView.Core.Tests.Tracing;

/// <summary>
/// One node's rules as kube-proxy 1.28+ writes them (node 192.168.1.10, pod CIDR 10.244.1.0/24
/// of cluster 10.244.0.0/16), with a service port for each case kube-proxy's own tracer tests.
/// Chain hashes are readable stand-ins: the tracer follows names, it does not check them.
/// </summary>
internal static class NodeDump
{
    public const string NodeIp = "192.168.1.10";

    public const string Text = """
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        :KUBE-EXTERNAL-SERVICES - [0:0]
        :KUBE-FIREWALL - [0:0]
        :KUBE-FORWARD - [0:0]
        :KUBE-NODEPORTS - [0:0]
        :KUBE-PROXY-FIREWALL - [0:0]
        :KUBE-SERVICES - [0:0]
        -A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
        -A INPUT -m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS
        -A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES
        -A INPUT -j KUBE-FIREWALL
        -A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
        -A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD
        -A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        -A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES
        -A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
        -A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        -A OUTPUT -j KUBE-FIREWALL
        -A KUBE-EXTERNAL-SERVICES -m addrtype --dst-type LOCAL -p tcp -m comment --comment "default/empty:http has no endpoints" -m tcp --dport 30050 -j REJECT --reject-with icmp-port-unreachable
        -A KUBE-EXTERNAL-SERVICES -m addrtype --dst-type LOCAL -p tcp -m comment --comment "default/remote:http has no local endpoints" -m tcp --dport 30031 -j DROP
        -A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP
        -A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP
        -A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT
        -A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -A KUBE-PROXY-FIREWALL -d 203.0.113.10/32 -p tcp -m comment --comment "default/lb:http traffic not accepted by KUBE-FW-LBHTTP0000000000" -m tcp --dport 80 -j DROP
        -A KUBE-SERVICES -d 10.96.0.50/32 -p tcp -m comment --comment "default/empty:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable
        COMMIT
        *nat
        :PREROUTING ACCEPT [0:0]
        :INPUT ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        :POSTROUTING ACCEPT [0:0]
        :KUBE-EXT-LOCALHTTP000000 - [0:0]
        :KUBE-EXT-REMOTEHTTP00000 - [0:0]
        :KUBE-EXT-LBHTTP000000000 - [0:0]
        :KUBE-EXT-WEBHTTP00000000 - [0:0]
        :KUBE-FW-LBHTTP0000000000 - [0:0]
        :KUBE-MARK-MASQ - [0:0]
        :KUBE-NODEPORTS - [0:0]
        :KUBE-POSTROUTING - [0:0]
        :KUBE-SEP-DNSSCTP00000000 - [0:0]
        :KUBE-SEP-DNSTCP000000000 - [0:0]
        :KUBE-SEP-DNSUDP000000000 - [0:0]
        :KUBE-SEP-LB0000000000000 - [0:0]
        :KUBE-SEP-LOCAL1000000000 - [0:0]
        :KUBE-SEP-LOCAL2000000000 - [0:0]
        :KUBE-SEP-REMOTE000000000 - [0:0]
        :KUBE-SEP-STICKY100000000 - [0:0]
        :KUBE-SEP-STICKY200000000 - [0:0]
        :KUBE-SEP-STICKY300000000 - [0:0]
        :KUBE-SEP-WEB100000000000 - [0:0]
        :KUBE-SEP-WEB200000000000 - [0:0]
        :KUBE-SERVICES - [0:0]
        :KUBE-SVC-DNSSCTP00000000 - [0:0]
        :KUBE-SVC-DNSTCP000000000 - [0:0]
        :KUBE-SVC-DNSUDP000000000 - [0:0]
        :KUBE-SVC-LBHTTP000000000 - [0:0]
        :KUBE-SVC-LOCALHTTP000000 - [0:0]
        :KUBE-SVC-REMOTEHTTP00000 - [0:0]
        :KUBE-SVC-STICKYHTTP00000 - [0:0]
        :KUBE-SVC-WEBHTTP00000000 - [0:0]
        :KUBE-SVL-LOCALHTTP000000 - [0:0]
        -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
        -A KUBE-EXT-LBHTTP000000000 -m comment --comment "masquerade traffic for default/lb:http external destinations" -j KUBE-MARK-MASQ
        -A KUBE-EXT-LBHTTP000000000 -j KUBE-SVC-LBHTTP000000000
        -A KUBE-EXT-LOCALHTTP000000 -s 10.244.0.0/16 -m comment --comment "pod traffic for default/local:http external destinations" -j KUBE-SVC-LOCALHTTP000000
        -A KUBE-EXT-LOCALHTTP000000 -m comment --comment "masquerade LOCAL traffic for default/local:http external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ
        -A KUBE-EXT-LOCALHTTP000000 -m comment --comment "route LOCAL traffic for default/local:http external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-LOCALHTTP000000
        -A KUBE-EXT-LOCALHTTP000000 -j KUBE-SVL-LOCALHTTP000000
        -A KUBE-EXT-REMOTEHTTP00000 -s 10.244.0.0/16 -m comment --comment "pod traffic for default/remote:http external destinations" -j KUBE-SVC-REMOTEHTTP00000
        -A KUBE-EXT-REMOTEHTTP00000 -m comment --comment "masquerade LOCAL traffic for default/remote:http external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ
        -A KUBE-EXT-REMOTEHTTP00000 -m comment --comment "route LOCAL traffic for default/remote:http external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-REMOTEHTTP00000
        -A KUBE-EXT-WEBHTTP00000000 -m comment --comment "masquerade traffic for default/web:http external destinations" -j KUBE-MARK-MASQ
        -A KUBE-EXT-WEBHTTP00000000 -j KUBE-SVC-WEBHTTP00000000
        -A KUBE-FW-LBHTTP0000000000 -s 198.51.100.0/24 -m comment --comment "default/lb:http loadbalancer IP" -j KUBE-EXT-LBHTTP000000000
        -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
        -A KUBE-NODEPORTS -p tcp -m comment --comment "default/web:http" -m tcp --dport 30080 -j KUBE-EXT-WEBHTTP00000000
        -A KUBE-NODEPORTS -p tcp -m comment --comment "default/local:http" -m tcp --dport 30030 -j KUBE-EXT-LOCALHTTP000000
        -A KUBE-NODEPORTS -p tcp -m comment --comment "default/remote:http" -m tcp --dport 30031 -j KUBE-EXT-REMOTEHTTP00000
        -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
        -A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0
        -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
        -A KUBE-SEP-DNSSCTP00000000 -s 10.244.2.13/32 -m comment --comment "default/dns:dns-sctp" -j KUBE-MARK-MASQ
        -A KUBE-SEP-DNSSCTP00000000 -p sctp -m comment --comment "default/dns:dns-sctp" -m sctp -j DNAT --to-destination 10.244.2.13:53
        -A KUBE-SEP-DNSTCP000000000 -s 10.244.1.11/32 -m comment --comment "default/dns:dns-tcp" -j KUBE-MARK-MASQ
        -A KUBE-SEP-DNSTCP000000000 -p tcp -m comment --comment "default/dns:dns-tcp" -m tcp -j DNAT --to-destination 10.244.1.11:53
        -A KUBE-SEP-DNSUDP000000000 -s 10.244.2.12/32 -m comment --comment "default/dns:dns" -j KUBE-MARK-MASQ
        -A KUBE-SEP-DNSUDP000000000 -p udp -m comment --comment "default/dns:dns" -m udp -j DNAT --to-destination 10.244.2.12:53
        -A KUBE-SEP-LB0000000000000 -s 10.244.2.7/32 -m comment --comment "default/lb:http" -j KUBE-MARK-MASQ
        -A KUBE-SEP-LB0000000000000 -p tcp -m comment --comment "default/lb:http" -m tcp -j DNAT --to-destination 10.244.2.7:80
        -A KUBE-SEP-LOCAL1000000000 -s 10.244.1.8/32 -m comment --comment "default/local:http" -j KUBE-MARK-MASQ
        -A KUBE-SEP-LOCAL1000000000 -p tcp -m comment --comment "default/local:http" -m tcp -j DNAT --to-destination 10.244.1.8:80
        -A KUBE-SEP-LOCAL2000000000 -s 10.244.2.9/32 -m comment --comment "default/local:http" -j KUBE-MARK-MASQ
        -A KUBE-SEP-LOCAL2000000000 -p tcp -m comment --comment "default/local:http" -m tcp -j DNAT --to-destination 10.244.2.9:80
        -A KUBE-SEP-REMOTE000000000 -s 10.244.2.10/32 -m comment --comment "default/remote:http" -j KUBE-MARK-MASQ
        -A KUBE-SEP-REMOTE000000000 -p tcp -m comment --comment "default/remote:http" -m tcp -j DNAT --to-destination 10.244.2.10:80
        -A KUBE-SEP-STICKY100000000 -s 10.244.1.14/32 -m comment --comment "default/sticky:http" -j KUBE-MARK-MASQ
        -A KUBE-SEP-STICKY100000000 -p tcp -m comment --comment "default/sticky:http" -m recent --set --name KUBE-SEP-STICKY100000000 --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.1.14:80
        -A KUBE-SEP-STICKY200000000 -s 10.244.2.15/32 -m comment --comment "default/sticky:http" -j KUBE-MARK-MASQ
        -A KUBE-SEP-STICKY200000000 -p tcp -m comment --comment "default/sticky:http" -m recent --set --name KUBE-SEP-STICKY200000000 --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.2.15:80
        -A KUBE-SEP-STICKY300000000 -s 10.244.2.16/32 -m comment --comment "default/sticky:http" -j KUBE-MARK-MASQ
        -A KUBE-SEP-STICKY300000000 -p tcp -m comment --comment "default/sticky:http" -m recent --set --name KUBE-SEP-STICKY300000000 --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.2.16:80
        -A KUBE-SEP-WEB100000000000 -s 10.244.1.5/32 -m comment --comment "default/web:http" -j KUBE-MARK-MASQ
        -A KUBE-SEP-WEB100000000000 -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.1.5:8080
        -A KUBE-SEP-WEB200000000000 -s 10.244.2.6/32 -m comment --comment "default/web:http" -j KUBE-MARK-MASQ
        -A KUBE-SEP-WEB200000000000 -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.2.6:8080
        -A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEBHTTP00000000
        -A KUBE-SERVICES -d 10.96.0.20/32 -p tcp -m comment --comment "default/lb:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-LBHTTP000000000
        -A KUBE-SERVICES -d 203.0.113.10/32 -p tcp -m comment --comment "default/lb:http loadbalancer IP" -m tcp --dport 80 -j KUBE-FW-LBHTTP0000000000
        -A KUBE-SERVICES -d 10.96.0.30/32 -p tcp -m comment --comment "default/local:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-LOCALHTTP000000
        -A KUBE-SERVICES -d 10.96.0.31/32 -p tcp -m comment --comment "default/remote:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-REMOTEHTTP00000
        -A KUBE-SERVICES -d 10.96.0.60/32 -p tcp -m comment --comment "default/dns:dns-tcp cluster IP" -m tcp --dport 53 -j KUBE-SVC-DNSTCP000000000
        -A KUBE-SERVICES -d 10.96.0.60/32 -p udp -m comment --comment "default/dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-DNSUDP000000000
        -A KUBE-SERVICES -d 10.96.0.60/32 -p sctp -m comment --comment "default/dns:dns-sctp cluster IP" -m sctp --dport 53 -j KUBE-SVC-DNSSCTP00000000
        -A KUBE-SERVICES -d 10.96.0.70/32 -p tcp -m comment --comment "default/sticky:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-STICKYHTTP00000
        -A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
        -A KUBE-SVC-DNSSCTP00000000 ! -s 10.244.0.0/16 -d 10.96.0.60/32 -p sctp -m comment --comment "default/dns:dns-sctp cluster IP" -m sctp --dport 53 -j KUBE-MARK-MASQ
        -A KUBE-SVC-DNSSCTP00000000 -m comment --comment "default/dns:dns-sctp -> 10.244.2.13:53" -j KUBE-SEP-DNSSCTP00000000
        -A KUBE-SVC-DNSTCP000000000 ! -s 10.244.0.0/16 -d 10.96.0.60/32 -p tcp -m comment --comment "default/dns:dns-tcp cluster IP" -m tcp --dport 53 -j KUBE-MARK-MASQ
        -A KUBE-SVC-DNSTCP000000000 -m comment --comment "default/dns:dns-tcp -> 10.244.1.11:53" -j KUBE-SEP-DNSTCP000000000
        -A KUBE-SVC-DNSUDP000000000 ! -s 10.244.0.0/16 -d 10.96.0.60/32 -p udp -m comment --comment "default/dns:dns cluster IP" -m udp --dport 53 -j KUBE-MARK-MASQ
        -A KUBE-SVC-DNSUDP000000000 -m comment --comment "default/dns:dns -> 10.244.2.12:53" -j KUBE-SEP-DNSUDP000000000
        -A KUBE-SVC-LBHTTP000000000 ! -s 10.244.0.0/16 -d 10.96.0.20/32 -p tcp -m comment --comment "default/lb:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
        -A KUBE-SVC-LBHTTP000000000 -m comment --comment "default/lb:http -> 10.244.2.7:80" -j KUBE-SEP-LB0000000000000
        -A KUBE-SVC-LOCALHTTP000000 ! -s 10.244.0.0/16 -d 10.96.0.30/32 -p tcp -m comment --comment "default/local:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
        -A KUBE-SVC-LOCALHTTP000000 -m comment --comment "default/local:http -> 10.244.1.8:80" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-LOCAL1000000000
        -A KUBE-SVC-LOCALHTTP000000 -m comment --comment "default/local:http -> 10.244.2.9:80" -j KUBE-SEP-LOCAL2000000000
        -A KUBE-SVC-REMOTEHTTP00000 ! -s 10.244.0.0/16 -d 10.96.0.31/32 -p tcp -m comment --comment "default/remote:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
        -A KUBE-SVC-REMOTEHTTP00000 -m comment --comment "default/remote:http -> 10.244.2.10:80" -j KUBE-SEP-REMOTE000000000
        -A KUBE-SVC-STICKYHTTP00000 ! -s 10.244.0.0/16 -d 10.96.0.70/32 -p tcp -m comment --comment "default/sticky:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
        -A KUBE-SVC-STICKYHTTP00000 -m comment --comment "default/sticky:http -> 10.244.1.14:80" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-STICKY100000000 --mask 255.255.255.255 --rsource -j KUBE-SEP-STICKY100000000
        -A KUBE-SVC-STICKYHTTP00000 -m comment --comment "default/sticky:http -> 10.244.2.15:80" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-STICKY200000000 --mask 255.255.255.255 --rsource -j KUBE-SEP-STICKY200000000
        -A KUBE-SVC-STICKYHTTP00000 -m comment --comment "default/sticky:http -> 10.244.2.16:80" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-STICKY300000000 --mask 255.255.255.255 --rsource -j KUBE-SEP-STICKY300000000
        -A KUBE-SVC-STICKYHTTP00000 -m comment --comment "default/sticky:http -> 10.244.1.14:80" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-STICKY100000000
        -A KUBE-SVC-STICKYHTTP00000 -m comment --comment "default/sticky:http -> 10.244.2.15:80" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-STICKY200000000
        -A KUBE-SVC-STICKYHTTP00000 -m comment --comment "default/sticky:http -> 10.244.2.16:80" -j KUBE-SEP-STICKY300000000
        -A KUBE-SVC-WEBHTTP00000000 ! -s 10.244.0.0/16 -d 10.96.0.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
        -A KUBE-SVC-WEBHTTP00000000 -m comment --comment "default/web:http -> 10.244.1.5:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-WEB100000000000
        -A KUBE-SVC-WEBHTTP00000000 -m comment --comment "default/web:http -> 10.244.2.6:8080" -j KUBE-SEP-WEB200000000000
        -A KUBE-SVL-LOCALHTTP000000 -m comment --comment "default/local:http -> 10.244.1.8:80" -j KUBE-SEP-LOCAL1000000000
        COMMIT
        """;
}
