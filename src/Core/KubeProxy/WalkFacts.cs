using NetView.Core.Iptables;

namespace NetView.Core.KubeProxy;

/// <summary>
/// What the analyzer's walk already read and the checks would otherwise read again: on a big dump
/// that is 17,600 cascades decoded twice and 88,000 endpoint chains looked up by name twice.
/// </summary>
/// <param name="Cascades">The cascades judged while reading them.</param>
/// <param name="EndpointDnats">Each endpoint's DNAT rule (null without one), service port by service port in endpoint order.</param>
internal sealed record WalkFacts(CascadeVerdicts Cascades, RuleRowList EndpointDnats);
