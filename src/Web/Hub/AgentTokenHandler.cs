using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NetView.Web.Hosting;

namespace NetView.Web.Hub;

/// <summary>
/// Authenticates agents by the shared token (<c>NetView:AgentToken</c>): <c>Authorization: Bearer
/// …</c>, or the <c>access_token</c> query parameter SignalR uses where headers cannot be set.
/// Compared in constant time. Without it the hub's negotiate answers 401, so an agent with a
/// wrong token never gets a connection.
/// </summary>
internal sealed class AgentTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<LivePathOptions> options)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "AgentToken";
    public const string PolicyName = "Agent";

    private readonly byte[] _expected = Encoding.UTF8.GetBytes(options.Value.AgentToken);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? token = null;
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
        }
        else if (Request.Query.TryGetValue("access_token", out var query))
        {
            token = query.ToString();
        }

        if (string.IsNullOrEmpty(token))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _expected))
        {
            return Task.FromResult(AuthenticateResult.Fail("wrong agent token"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, "agent")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
