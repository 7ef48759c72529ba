using System.Text.Encodings.Web;
using System.Text.Json;
using NetView.Core.KubeProxy;

namespace NetView.Core.Analysis.Json;

/// <summary>
/// Writes a service port exactly as the generated serializer writes its <see cref="ServicePortDocument"/>
/// (same names, order, numbers and escaping; a test compares the bytes), straight from the
/// <see cref="ServicePort"/>: a 300,000-rule dump has 17,600 ports and 88,000 endpoints, and a
/// document object per port and endpoint, each serialized on its own, was 20 MB of garbage.
/// </summary>
internal sealed class ServicePortJsonWriter
{
    private readonly JsonEncodedText _name, _namespace, _service, _portName, _protocol, _clusterIP, _clusterPort, _nodePort,
        _externalIPs, _loadBalancerIPs, _loadBalancerSourceRanges, _sessionAffinitySeconds, _externalTrafficPolicy,
        _internalTrafficPolicy, _chains, _svc, _svl, _ext, _fw, _xlb, _hasEndpoints, _endpoints, _healthCheckNodePort,
        _hasLocalEndpoints, _address, _chain, _probability, _localProbability, _connections, _bytes;

    public ServicePortJsonWriter(JsonNamingPolicy naming, JavaScriptEncoder? encoder)
    {
        JsonEncodedText Name(string property) => JsonEncodedText.Encode(naming.ConvertName(property), encoder);
        (_name, _namespace, _service, _portName, _protocol) = (Name(nameof(ServicePortDocument.Name)), Name(nameof(ServicePortDocument.Namespace)),
            Name(nameof(ServicePortDocument.Service)), Name(nameof(ServicePortDocument.PortName)), Name(nameof(ServicePortDocument.Protocol)));
        (_clusterIP, _clusterPort, _nodePort) = (Name(nameof(ServicePortDocument.ClusterIP)), Name(nameof(ServicePortDocument.ClusterPort)),
            Name(nameof(ServicePortDocument.NodePort)));
        (_externalIPs, _loadBalancerIPs, _loadBalancerSourceRanges) = (Name(nameof(ServicePortDocument.ExternalIPs)),
            Name(nameof(ServicePortDocument.LoadBalancerIPs)), Name(nameof(ServicePortDocument.LoadBalancerSourceRanges)));
        (_sessionAffinitySeconds, _externalTrafficPolicy, _internalTrafficPolicy) = (Name(nameof(ServicePortDocument.SessionAffinitySeconds)),
            Name(nameof(ServicePortDocument.ExternalTrafficPolicy)), Name(nameof(ServicePortDocument.InternalTrafficPolicy)));
        (_chains, _svc, _svl, _ext, _fw, _xlb) = (Name(nameof(ServicePortDocument.Chains)), Name(nameof(ChainsDocument.Svc)),
            Name(nameof(ChainsDocument.Svl)), Name(nameof(ChainsDocument.Ext)), Name(nameof(ChainsDocument.Fw)), Name(nameof(ChainsDocument.Xlb)));
        (_hasEndpoints, _endpoints, _healthCheckNodePort, _hasLocalEndpoints) = (Name(nameof(ServicePortDocument.HasEndpoints)),
            Name(nameof(ServicePortDocument.Endpoints)), Name(nameof(ServicePortDocument.HealthCheckNodePort)),
            Name(nameof(ServicePortDocument.HasLocalEndpoints)));
        (_address, _chain, _probability, _localProbability, _connections, _bytes) = (Name(nameof(EndpointDocument.Address)),
            Name(nameof(EndpointDocument.Chain)), Name(nameof(EndpointDocument.Probability)), Name(nameof(EndpointDocument.LocalProbability)),
            Name(nameof(EndpointDocument.Connections)), Name(nameof(EndpointDocument.Bytes)));
    }

    /// <summary>The fields in <see cref="ServicePortDocument.From"/>'s order, which is the document's.</summary>
    public void Write(Utf8JsonWriter writer, ServicePort port)
    {
        writer.WriteStartObject();
        writer.WriteString(_name, port.Name);
        writer.WriteString(_namespace, port.Namespace);
        writer.WriteString(_service, port.Service);
        writer.WriteString(_portName, port.PortName);
        writer.WriteString(_protocol, port.Protocol);
        writer.WriteString(_clusterIP, port.ClusterIP);
        Number(writer, _clusterPort, port.ClusterPort);
        Number(writer, _nodePort, port.NodePort);
        Strings(writer, _externalIPs, port.ExternalIPs);
        Strings(writer, _loadBalancerIPs, port.LoadBalancerIPs);
        Strings(writer, _loadBalancerSourceRanges, port.LoadBalancerSourceRanges);
        Number(writer, _sessionAffinitySeconds, port.SessionAffinitySeconds);
        writer.WriteString(_externalTrafficPolicy, port.ExternalTrafficPolicy == TrafficPolicy.Local ? "Local" : "Cluster");
        writer.WriteString(_internalTrafficPolicy, port.InternalTrafficPolicy == TrafficPolicy.Local ? "Local" : "Cluster");
        writer.WriteStartObject(_chains);
        writer.WriteString(_svc, port.Chains.Svc);
        writer.WriteString(_svl, port.Chains.Svl);
        writer.WriteString(_ext, port.Chains.Ext);
        writer.WriteString(_fw, port.Chains.Fw);
        writer.WriteString(_xlb, port.Chains.Xlb);
        writer.WriteEndObject();
        writer.WriteBoolean(_hasEndpoints, port.HasEndpoints);
        writer.WriteStartArray(_endpoints);
        foreach (var endpoint in port.Endpoints)
        {
            writer.WriteStartObject();
            writer.WriteString(_address, endpoint.Address);
            writer.WriteString(_chain, endpoint.Chain);
            Number(writer, _probability, endpoint.Probability);
            Number(writer, _localProbability, endpoint.LocalProbability);
            Number(writer, _connections, endpoint.Connections);
            Number(writer, _bytes, endpoint.Bytes);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Number(writer, _healthCheckNodePort, port.HealthCheckNodePort);
        writer.WriteBoolean(_hasLocalEndpoints, port.HasLocalEndpoints);
        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
