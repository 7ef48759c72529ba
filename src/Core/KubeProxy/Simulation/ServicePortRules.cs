namespace NetView.Core.KubeProxy.Simulation;

/// <summary>
/// The rules of one service port, in the order and shape of kube-proxy's syncProxyRules
/// (pkg/proxy/iptables/proxier.go, 1.28–1.33): entry points in KUBE-SERVICES / KUBE-NODEPORTS,
/// "no endpoints" REJECTs and "no local endpoints" DROPs in filter, then the KUBE-SVC, KUBE-SVL,
/// KUBE-EXT, KUBE-FW and KUBE-SEP chains.
/// </summary>
internal sealed class ServicePortRules(NodeRules node, ServiceSpec service, ServicePortSpec port)
{
    private readonly string _name = service.ServicePortName(port);
    private readonly string _protocol = port.Protocol.ToLowerInvariant();
    private readonly string _hash = ChainNames.ServicePortHash(service.ServicePortName(port), port.Protocol);

    private string ClusterChain => ChainNames.Svc + _hash;
    private string LocalChain => ChainNames.Svl + _hash;
    private string ExternalChain => ChainNames.Ext + _hash;
    private string FirewallChain => ChainNames.Fw + _hash;

    public void Write()
    {
        var endpoints = node.EndpointsOf(service, port, _name, _protocol);
        var categories = EndpointCategories.Of(service, port, endpoints);
        var hasEndpoints = categories.HasAny;
        var internalLocal = service.InternalTrafficPolicy == TrafficPolicy.Local;
        var externalLocal = EndpointCategories.ExternalPolicyLocal(service, port);
        var usesClusterChain = categories.Cluster.Count > 0;
        var usesLocalChain = categories.Local.Count > 0;
        var hasInternalEndpoints = hasEndpoints && (!internalLocal || usesLocalChain);
        var hasExternalEndpoints = hasEndpoints && (!externalLocal || usesLocalChain);
        var internalChain = internalLocal ? LocalChain : ClusterChain;
        var externalPolicyChain = externalLocal ? LocalChain : ClusterChain;
        var usesExternalChain = hasEndpoints && service.IsExternallyAccessible(port);
        var usesFirewallChain = hasEndpoints && service.LoadBalancerIPs.Count > 0 && service.LoadBalancerSourceRanges.Count > 0;
        var loadBalancerChain = usesFirewallChain ? FirewallChain : ExternalChain;

        // What filter does with traffic the nat rules will not take: REJECT when there is no
        // endpoint at all, DROP when the Local policy finds none on this node.
        var internalFilter = hasEndpoints ? "DROP" : node.RejectTarget;
        var internalFilterComment = hasEndpoints ? $"{_name} has no local endpoints" : $"{_name} has no endpoints";
        var externalFilter = internalFilter;
        var externalFilterComment = internalFilterComment;

        var clusterIp = node.Host(service.ClusterIP, $"{_name} clusterIP");
        if (hasInternalEndpoints)
        {
            node.Nat.Append(NodeRules.KubeServices, ToServicePort(clusterIp, $"{_name} cluster IP").Jump(internalChain));
        }
        else
        {
            node.Filter.Append(NodeRules.KubeServices, ToServicePort(clusterIp, internalFilterComment).Jump(internalFilter));
        }

        foreach (var externalIp in service.ExternalIPs.Select(ip => node.Host(ip, $"{_name} externalIPs")))
        {
            if (hasEndpoints)
            {
                node.Nat.Append(NodeRules.KubeServices, ToServicePort(externalIp, $"{_name} external IP").Jump(ExternalChain));
            }

            if (!hasExternalEndpoints)
            {
                node.Filter.Append(NodeRules.KubeExternalServices, ToServicePort(externalIp, externalFilterComment).Jump(externalFilter));
            }
        }

        var loadBalancerIps = service.LoadBalancerIPs.Select(ip => node.Host(ip, $"{_name} loadBalancerIPs")).ToList();
        foreach (var loadBalancerIp in loadBalancerIps)
        {
            if (hasEndpoints)
            {
                node.Nat.Append(NodeRules.KubeServices, ToServicePort(loadBalancerIp, $"{_name} loadbalancer IP").Jump(loadBalancerChain));
            }

            if (usesFirewallChain)
            {
                node.Filter.Append(
                    NodeRules.KubeProxyFirewall,
                    ToServicePort(loadBalancerIp, $"{_name} traffic not accepted by {FirewallChain}").Jump("DROP"));
            }
        }

        if (!hasExternalEndpoints)
        {
            foreach (var loadBalancerIp in loadBalancerIps)
            {
                node.Filter.Append(NodeRules.KubeExternalServices, ToServicePort(loadBalancerIp, externalFilterComment).Jump(externalFilter));
            }
        }

        if (port.NodePort is int nodePort)
        {
            if (hasEndpoints)
            {
                node.Nat.Append(
                    NodeRules.KubeNodePorts,
                    new SaveRule().Protocol(_protocol).Comment(_name).Match($"{_protocol} --dport {nodePort}").Jump(ExternalChain));
            }

            if (!hasExternalEndpoints)
            {
                node.Filter.Append(
                    NodeRules.KubeExternalServices,
                    new SaveRule().Protocol(_protocol).Comment(externalFilterComment).Match("addrtype --dst-type LOCAL")
                        .Match($"{_protocol} --dport {nodePort}").Jump(externalFilter));
            }
        }

        if (service.HealthCheckNodePort is int healthCheckPort)
        {
            node.Filter.Append(
                NodeRules.KubeNodePorts,
                new SaveRule().Protocol("tcp").Comment($"{_name} health check node port").Match($"tcp --dport {healthCheckPort}").Jump("ACCEPT"));
        }

        if (hasInternalEndpoints)
        {
            node.Nat.AddChain(internalChain);
            var masquerade = ToServicePort(clusterIp, $"{_name} cluster IP").Jump(NodeRules.KubeMarkMasq);
            if (!node.Options.MasqueradeAll)
            {
                masquerade.Source(node.ClusterCidr, negated: true);
            }

            node.Nat.Append(internalChain, masquerade);
        }

        if (usesExternalChain)
        {
            WriteExternalChain(externalLocal, hasExternalEndpoints, externalPolicyChain);
        }

        if (usesFirewallChain)
        {
            WriteFirewallChain();
        }

        if (usesClusterChain)
        {
            WriteServiceToEndpoints(ClusterChain, categories.Cluster);
        }

        if (usesLocalChain)
        {
            WriteServiceToEndpoints(LocalChain, categories.Local);
        }

        foreach (var endpoint in categories.AllReachable)
        {
            WriteEndpointChain(endpoint);
        }
    }

    private SaveRule ToServicePort(string destination, string comment) =>
        new SaveRule().Destination(destination).Protocol(_protocol).Comment(comment).Match($"{_protocol} --dport {port.Port}");

    private void WriteExternalChain(bool externalLocal, bool hasExternalEndpoints, string externalPolicyChain)
    {
        node.Nat.AddChain(ExternalChain);
        if (!externalLocal)
        {
            // Cluster policy may send the packet to another node, so it must come back through this one.
            node.Nat.Append(ExternalChain, new SaveRule().Comment($"masquerade traffic for {_name} external destinations").Jump(NodeRules.KubeMarkMasq));
        }
        else
        {
            // Pods and the node itself reaching an external address of the service behave as if
            // they went out to the load balancer and came back: no Local policy for them.
            node.Nat.Append(
                ExternalChain,
                new SaveRule().Source(node.ClusterCidr).Comment($"pod traffic for {_name} external destinations").Jump(ClusterChain));
            node.Nat.Append(
                ExternalChain,
                new SaveRule().Comment($"masquerade LOCAL traffic for {_name} external destinations").Match("addrtype --src-type LOCAL")
                    .Jump(NodeRules.KubeMarkMasq));
            node.Nat.Append(
                ExternalChain,
                new SaveRule().Comment($"route LOCAL traffic for {_name} external destinations").Match("addrtype --src-type LOCAL")
                    .Jump(ClusterChain));
        }

        if (hasExternalEndpoints)
        {
            node.Nat.Append(ExternalChain, new SaveRule().Jump(externalPolicyChain));
        }
    }

    private void WriteFirewallChain()
    {
        node.Nat.AddChain(FirewallChain);
        var allowFromNode = false;
        foreach (var range in service.LoadBalancerSourceRanges)
        {
            var field = $"{_name} loadBalancerSourceRanges";
            node.Nat.Append(FirewallChain, new SaveRule().Source(IpText.Cidr(range, field)).Comment($"{_name} loadbalancer IP").Jump(ExternalChain));
            allowFromNode |= node.NodeIp is not null && IpText.Contains(range, node.NodeIp, field);
        }

        // A VIP-style load balancer often puts its IP on the node, so the node's own requests
        // arrive with the VIP as source; let those through too.
        if (allowFromNode)
        {
            foreach (var loadBalancerIp in service.LoadBalancerIPs)
            {
                node.Nat.Append(
                    FirewallChain,
                    new SaveRule().Source(node.Host(loadBalancerIp, $"{_name} loadBalancerIPs")).Comment($"{_name} loadbalancer IP").Jump(ExternalChain));
            }
        }

        // Falling off the end means not DNATed; KUBE-PROXY-FIREWALL in filter drops it.
        node.Nat.Append(FirewallChain, new SaveRule().Comment($"other traffic to {_name} will be dropped by KUBE-PROXY-FIREWALL"));
    }

    private void WriteServiceToEndpoints(string chain, IReadOnlyList<SimulatedEndpoint> endpoints)
    {
        node.Nat.AddChain(chain);
        if (service.SessionAffinitySeconds is int seconds)
        {
            foreach (var endpoint in endpoints)
            {
                node.Nat.Append(
                    chain,
                    node.EndpointComment(new SaveRule(), $"{_name} -> {endpoint.Text}")
                        .Match($"recent --rcheck --seconds {seconds} --reap --name {endpoint.Chain} --mask {node.RecentMask} --rsource")
                        .Jump(endpoint.Chain));
            }
        }

        for (var i = 0; i < endpoints.Count; i++)
        {
            var rule = node.EndpointComment(new SaveRule(), $"{_name} -> {endpoints[i].Text}");
            if (i < endpoints.Count - 1)
            {
                rule.Match($"statistic --mode random --probability {StatisticProbability.SavedForRemaining(endpoints.Count - i)}");
            }

            node.Nat.Append(chain, rule.Jump(endpoints[i].Chain));
        }
    }

    private void WriteEndpointChain(SimulatedEndpoint endpoint)
    {
        node.Nat.AddChain(endpoint.Chain);
        node.Nat.Append(
            endpoint.Chain,
            node.EndpointComment(new SaveRule().Source(node.Host(endpoint.Spec.Address, $"{_name} endpoint")), _name).Jump(NodeRules.KubeMarkMasq));
        var dnat = node.EndpointComment(new SaveRule().Protocol(_protocol), _name);
        if (service.SessionAffinitySeconds is not null)
        {
            dnat.Match($"recent --set --name {endpoint.Chain} --mask {node.RecentMask} --rsource");
        }

        node.Nat.Append(endpoint.Chain, dnat.Match(_protocol).Jump($"DNAT --to-destination {endpoint.Text}"));
    }
}
