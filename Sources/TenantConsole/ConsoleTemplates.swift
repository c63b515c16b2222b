// swift-format-ignore-file
/// The console's Mustache templates, built into the binary. `{{…}}` escapes HTML; nothing a tenant
/// holds is ever rendered unescaped. Laid out after the admin centers: a left navigation, a page
/// title, tables. No JavaScript is needed to read any page.
enum ConsoleTemplates {
    static let top = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · TenantSim console</title>
        <style>
        body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; color: #1b1b1b; display: flex; min-height: 100vh; }
        nav { background: #f3f2f1; padding: 1rem; min-width: 12rem; }
        nav a { display: block; padding: .4rem .6rem; color: #0f6cbd; text-decoration: none; border-radius: 4px; }
        nav a:hover, nav a:focus { background: #e1dfdd; outline: 2px solid #0f6cbd; }
        nav .brand { font-weight: 600; color: #1b1b1b; margin-bottom: .8rem; }
        main { padding: 1rem 2rem; flex: 1; max-width: 72rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
        th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #e1dfdd; vertical-align: top; }
        th { background: #faf9f8; }
        a { color: #0f6cbd; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
        .done { color: #107c10; } .blocked, .denied { color: #a4262c; } .muted { color: #605e5c; }
        .badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; background: #e1dfdd; font-size: .85em; }
        .explanation { color: #323130; font-size: .92em; max-width: 60rem; }
        button { background: #0f6cbd; color: #fff; border: 0; padding: .45rem .9rem; border-radius: 4px; cursor: pointer; }
        button:focus { outline: 3px solid #1b1b1b; }
        .filters a { margin-right: 1rem; }
        .notice { background: #dff6dd; padding: .6rem 1rem; border-radius: 4px; }
        .error { background: #fde7e9; padding: .6rem 1rem; border-radius: 4px; }
        </style>
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <nav aria-label="TenantSim console">
        <div class="brand">TenantSim console</div>
        <a href="/console">Tenants</a>
        <a href="/console/users">Users</a>
        <a href="/console/invitations">Invitations and outbox</a>
        <a href="/console/groups">Groups</a>
        <a href="/console/licences">Licences</a>
        <a href="/console/environments">Environments</a>
        <a href="/console/cross-tenant-access">Cross-tenant access</a>
        <a href="/console/journal">Journal</a>
        <a href="/console/rules">Rules</a>
        </nav>
        <main id="main">
        <h1>{{title}}</h1>
        {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        """#

    static let bottom = #"""
        </main>
        </body>
        </html>
        """#

    static let login = #"""
        {{> top}}
        <p>The console shows and changes this server's tenants, so it asks for the server's <strong>control key</strong>:
        it is printed in <code>tenantsim serve</code>'s banner and kept next to the state (<code>&lt;state&gt;.control-key</code>).</p>
        <form method="post" action="/console/login">
        <label for="key">Control key</label>
        <input id="key" name="key" type="password" autocomplete="off" required autofocus>
        <button type="submit">Sign in</button>
        </form>
        {{> bottom}}
        """#

    static let tenants = #"""
        {{> top}}
        <p class="muted">Like the Entra admin center's overview and External collaboration settings, for every tenant of this world. World clock: {{now}}.</p>
        <form method="post" action="/console/clock/advance">
        <label for="minutes">Let time pass (minutes)</label>
        <input id="minutes" name="minutes" type="number" min="1" max="10080" value="15" required>
        <button type="submit" id="advance">Advance the clock</button>
        </form>
        <h2>Snapshots</h2>
        <form method="post" action="/console/snapshots/save">
        <label for="snapshot">Save the world as</label>
        <input id="snapshot" name="name" pattern="[A-Za-z0-9_-]{1,64}" required>
        <button type="submit" id="save-snapshot">Save snapshot</button>
        </form>
        {{#snapshots}}<form method="post" action="/console/snapshots/restore"><input type="hidden" name="name" value="{{name}}"><button type="submit">Reset to “{{name}}”</button></form>{{/snapshots}}
        {{#hasLessons}}
        <h2>Lessons</h2>
        <p class="muted">Load a lesson's starting world (this replaces the current world; save a snapshot first to come back).</p>
        {{#lessons}}<form method="post" action="/console/lessons/{{number}}/load"><button type="submit">Load lesson {{number}}: {{title}}</button></form>{{/lessons}}
        {{/hasLessons}}
        <table>
        <thead><tr><th scope="col">Tenant</th><th scope="col">Cloud</th><th scope="col">Domains</th><th scope="col">Guest invite setting</th><th scope="col">Guest user access</th><th scope="col">Collaboration restrictions</th><th scope="col"></th></tr></thead>
        <tbody>
        {{#tenants}}
        <tr><td><strong>{{name}}</strong><br><span class="muted">{{id}}</span></td><td>{{cloud}}</td><td>{{domains}}</td><td>{{allowInvitesFrom}}</td><td>{{guestAccess}}</td><td>{{collaboration}}</td><td><a href="/console/users?tenant={{id}}">Users</a></td></tr>
        {{/tenants}}
        </tbody>
        </table>
        {{> bottom}}
        """#

    static let users = #"""
        {{> top}}
        <p class="filters">Tenant: {{#tenants}}<a href="/console/users?tenant={{id}}{{filterQuery}}"{{#current}} aria-current="page"{{/current}}>{{name}}</a> {{/tenants}}</p>
        <p class="filters">Show: <a href="/console/users?tenant={{tenantId}}"{{^guestsOnly}} aria-current="page"{{/guestsOnly}}>All users</a> <a id="filter-guests" href="/console/users?tenant={{tenantId}}&amp;type=guest"{{#guestsOnly}} aria-current="page"{{/guestsOnly}}>Guests</a></p>
        <table>
        <thead><tr><th scope="col">Display name</th><th scope="col">User principal name</th><th scope="col">User type</th><th scope="col">Invitation state</th><th scope="col">Usage location</th></tr></thead>
        <tbody>
        {{#users}}
        <tr><td><a href="/console/users/{{id}}">{{name}}</a></td><td>{{upn}}</td><td>{{type}}</td><td>{{state}}</td><td>{{usageLocation}}</td></tr>
        {{/users}}
        {{^users}}<tr><td colspan="5" class="muted">No users.</td></tr>{{/users}}
        </tbody>
        </table>
        {{> bottom}}
        """#

    static let user = #"""
        {{> top}}
        <table>
        <tbody>
        <tr><th scope="row">User principal name</th><td>{{upn}}</td></tr>
        <tr><th scope="row">Mail</th><td>{{mail}}</td></tr>
        <tr><th scope="row">Tenant</th><td>{{tenant}}</td></tr>
        <tr><th scope="row">User type</th><td>{{type}}</td></tr>
        <tr><th scope="row">Invitation state</th><td id="state">{{state}}</td></tr>
        <tr><th scope="row">Usage location</th><td>{{usageLocation}}</td></tr>
        <tr><th scope="row">Licences</th><td>{{licences}}</td></tr>
        <tr><th scope="row">Groups</th><td>{{groups}}</td></tr>
        </tbody>
        </table>
        {{#pending}}
        <form method="post" action="/console/users/{{id}}/redeem">
        <p>The guest hasn't accepted the invitation yet. In a class, play the guest opening the invitation link:</p>
        <button type="submit" id="redeem">Redeem the invitation as the guest</button>
        </form>
        {{/pending}}
        {{#environments}}
        <h2>{{name}}</h2>
        <p>Security roles: {{roles}} · Dataverse: {{dataverse}}</p>
        <table aria-label="Onboarding checklist for {{name}}">
        <thead><tr><th scope="col"></th><th scope="col">Step</th><th scope="col">Detail</th><th scope="col">Blocked by</th></tr></thead>
        <tbody>
        {{#steps}}
        <tr class="{{css}}"><td aria-label="{{status}}">{{mark}}</td><td>{{title}}</td><td>{{detail}}{{#explanation}}<div class="explanation">{{explanation}}</div>{{/explanation}}</td><td>{{#rule}}<a href="/console/rules/{{rule}}">{{rule}}</a>{{/rule}}</td></tr>
        {{/steps}}
        </tbody>
        </table>
        <h3>Can {{userName}} …</h3>
        <table>
        <tbody>
        {{#capabilities}}
        <tr class="{{css}}"><td aria-label="{{verdict}}">{{mark}}</td><td>{{name}}</td><td>{{#rule}}<a href="/console/rules/{{rule}}">{{rule}}</a>{{/rule}}{{#explanation}}<div class="explanation">{{explanation}}</div>{{/explanation}}</td></tr>
        {{/capabilities}}
        </tbody>
        </table>
        {{/environments}}
        {{> bottom}}
        """#

    static let journal = #"""
        {{> top}}
        <p class="muted">Every operation, newest first: who did what, and for each denial the rule that decided, what it means and which tenant must change.</p>
        <table>
        <thead><tr><th scope="col">#</th><th scope="col">Time (world clock)</th><th scope="col">Tenant</th><th scope="col">Operation</th><th scope="col">Actor</th><th scope="col">Outcome</th><th scope="col">Rule</th></tr></thead>
        <tbody>
        {{#entries}}
        <tr class="{{css}}"><td>{{sequence}}</td><td>{{time}}</td><td>{{tenant}}</td><td>{{operation}}</td><td>{{actor}}</td><td>{{outcome}}{{#message}}<div class="explanation">{{message}}</div>{{/message}}</td><td>{{#rules}}<a class="rule-link" href="/console/rules/{{id}}">{{id}}</a><div class="explanation">{{explanation}}</div>{{/rules}}</td></tr>
        {{/entries}}
        {{^entries}}<tr><td colspan="7" class="muted">Nothing has happened yet.</td></tr>{{/entries}}
        </tbody>
        </table>
        {{> bottom}}
        """#

    static let rules = #"""
        {{> top}}
        {{#sections}}
        <h2>{{title}}</h2>
        <ul>{{#rules}}<li><a href="/console/rules/{{id}}">{{id}}</a> — {{title}}</li>{{/rules}}</ul>
        {{/sections}}
        {{> bottom}}
        """#

    static let rule = #"""
        {{> top}}
        <p><strong>{{ruleTitle}}</strong></p>
        <table>
        <tbody>
        <tr><th scope="row">Denies when</th><td>{{deniesWhen}}</td></tr>
        <tr><th scope="row">Not applicable when</th><td>{{notApplicableWhen}}</td></tr>
        <tr><th scope="row">What the client sees</th><td><code>{{wire}}</code></td></tr>
        <tr><th scope="row">Explanation</th><td>{{explanation}}</td></tr>
        <tr><th scope="row">Source</th><td>{{source}}</td></tr>
        {{#departs}}<tr><th scope="row">Departs from the Microsoft Learn page</th><td>{{departs}}</td></tr>{{/departs}}
        <tr><th scope="row">Checked by</th><td>{{operations}}</td></tr>
        </tbody>
        </table>
        <p><a href="{{learnLink}}">Microsoft Learn: {{learnTitle}}</a></p>
        {{> bottom}}
        """#


    static let tenantPicker = #"""
        <p class="filters">Tenant: {{#tenants}}<a href="{{path}}?tenant={{id}}"{{#current}} aria-current="page"{{/current}}>{{name}}</a> {{/tenants}}</p>
        """#

    static let licences = #"""
        {{> top}}
        {{> tenantPicker}}
        <table>
        <thead><tr><th scope="col">Product (SKU part number)</th><th scope="col">SKU id</th><th scope="col">Assigned</th><th scope="col">Purchased (enabled)</th><th scope="col">Available</th><th scope="col">Dataverse rights</th></tr></thead>
        <tbody>
        {{#skus}}<tr><td>{{partNumber}}</td><td class="muted">{{skuId}}</td><td>{{consumed}}</td><td>{{enabled}}</td><td>{{available}}</td><td>{{dataverse}}</td></tr>{{/skus}}
        {{^skus}}<tr><td colspan="6" class="muted">No subscriptions.</td></tr>{{/skus}}
        </tbody>
        </table>
        {{> bottom}}
        """#

    static let environments = #"""
        {{> top}}
        {{> tenantPicker}}
        {{#environments}}
        <h2>{{name}}</h2>
        <p>{{type}} · {{url}} · Dataverse: {{dataverse}} · Security group: {{group}}</p>
        {{#hasUsers}}
        <table aria-label="Dataverse users of {{name}}">
        <thead><tr><th scope="col">Dataverse user</th><th scope="col">Domain name</th><th scope="col">Status</th><th scope="col">Security roles</th></tr></thead>
        <tbody>
        {{#users}}<tr><td>{{name}}</td><td>{{domainName}}</td><td>{{status}}</td><td>{{roles}}</td></tr>{{/users}}
        </tbody>
        </table>
        {{/hasUsers}}
        {{/environments}}
        {{^environments}}<p class="muted">No environments.</p>{{/environments}}
        {{> bottom}}
        """#

    static let invitations = #"""
        {{> top}}
        {{> tenantPicker}}
        <h2>Invitations</h2>
        <table>
        <thead><tr><th scope="col">Invited</th><th scope="col">Status</th><th scope="col">Redirect URL</th><th scope="col">Created (world clock)</th></tr></thead>
        <tbody>
        {{#invitations}}<tr><td><a href="/console/users/{{userId}}">{{address}}</a></td><td>{{status}}</td><td>{{redirect}}</td><td>{{created}}</td></tr>{{/invitations}}
        {{^invitations}}<tr><td colspan="4" class="muted">No invitations.</td></tr>{{/invitations}}
        </tbody>
        </table>
        <h2>Outbox</h2>
        <p class="muted">The emails Microsoft would have sent: invitations (when sendInvitationMessage is true) and notifications.</p>
        <table>
        <thead><tr><th scope="col">To</th><th scope="col">Kind</th><th scope="col">Subject</th><th scope="col">Link</th></tr></thead>
        <tbody>
        {{#messages}}<tr><td>{{to}}</td><td>{{kind}}</td><td>{{subject}}</td><td>{{url}}</td></tr>{{/messages}}
        {{^messages}}<tr><td colspan="4" class="muted">No messages.</td></tr>{{/messages}}
        </tbody>
        </table>
        {{> bottom}}
        """#


    static let groups = #"""
        {{> top}}
        {{> tenantPicker}}
        <table>
        <thead><tr><th scope="col">Group</th><th scope="col">Type</th><th scope="col">Members</th><th scope="col">Owners</th><th scope="col">Gates environment</th></tr></thead>
        <tbody>
        {{#groups}}<tr><td>{{name}}</td><td>{{type}}</td><td>{{members}}</td><td>{{owners}}</td><td>{{gates}}</td></tr>{{/groups}}
        {{^groups}}<tr><td colspan="5" class="muted">No groups.</td></tr>{{/groups}}
        </tbody>
        </table>
        {{> bottom}}
        """#

    static let crossTenant = #"""
        {{> top}}
        {{> tenantPicker}}
        <p>Microsoft cloud settings — other clouds this tenant collaborates with: {{clouds}}</p>
        <table>
        <thead><tr><th scope="col">Organization</th><th scope="col">B2B collaboration inbound</th><th scope="col">B2B collaboration outbound</th><th scope="col">Redemption order</th></tr></thead>
        <tbody>
        {{#rows}}<tr><td>{{name}}</td><td>{{inbound}}</td><td>{{outbound}}</td><td>{{redemption}}</td></tr>{{/rows}}
        </tbody>
        </table>
        {{> bottom}}
        """#

    static let all: [String: String] = [
        "top": top, "bottom": bottom, "login": login, "tenants": tenants, "users": users, "user": user, "journal": journal,
        "rules": rules, "rule": rule, "tenantPicker": tenantPicker, "licences": licences, "environments": environments,
        "invitations": invitations, "groups": groups, "crossTenant": crossTenant,
    ]
}
