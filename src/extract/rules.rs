//! The extraction rules. Each reads one construction of English news; `RULES` documents
//! them for users (`newsgraph explain`), the functions below implement them.

use super::dates::{self, Tense};
use super::{Ctx, RuleInfo};
use crate::analyse::lexicon::RoleKind;
use crate::analyse::mentions::{Item, ItemKind};
use crate::fasthash::FastMap;
use crate::model::{EntityType as T, FactObject, Predicate as P};

/// Confidences are calibrated on judged samples of White House releases (see
/// tests/data/wh_judged*.tsv): rules measured below 90% precision stay under 0.8.
pub static RULES: &[RuleInfo] = &[
    RuleInfo { id: "role.title_before_name", reads: "ORG/GPE ROLE PERSON", example: "Nordvik Director General Paul Renard said ...", confidence: 0.75 },
    RuleInfo { id: "role.title_name_of", reads: "ROLE PERSON of COUNTRY/ORG", example: "Prime Minister Justin Trudeau of Canada", confidence: 0.85 },
    RuleInfo { id: "role.person_of", reads: "TITLE PERSON of (the) ORG (not a party)", example: "the panel included Professor Jane Roe of Acme University", confidence: 0.7 },
    RuleInfo { id: "role.apposition_after", reads: "PERSON, the ROLE of ORG/GPE/GROUP", example: "Grace Wanjiru, the director general of the Kenya News Agency, noted ...", confidence: 0.7 },
    RuleInfo { id: "role.apposition_before", reads: "the ROLE of ORG/GPE/GROUP, PERSON", example: "the governor of the Sverdlovsk region, Pavel Ivanov", confidence: 0.9 },
    RuleInfo { id: "role.document_country", reads: "GOVERNMENT-TITLE PERSON, no country stated: the country the article is about", example: "President Jane Roe opened the session (in a story about one country)", confidence: 0.6 },
    RuleInfo { id: "role.counterpart_country", reads: "LEADER-TITLE PERSON and/meets COUNTRY-B TITLE PERSON, in a story about countries A and B: the first is of A", example: "President Jane Roe received Japanese Foreign Minister John Doe (in a story about Japan and Nordvik)", confidence: 0.55 },
    RuleInfo { id: "role.professor_at", reads: "PERSON, (a) professor (of FIELD) at ORG; PERSON, ROLE of A and professor at ORG", example: "Jane Roe, a professor of economics at Acme University, said ...", confidence: 0.7 },
    RuleInfo { id: "role.counterpart", reads: "TITLE X met his/her (DEMONYM) counterpart, Y: Y holds X's post in that country (or the other one of a two-country story)", example: "Foreign Minister Kari Lunde met her Indian counterpart, Ravi Sharma", confidence: 0.7 },
    RuleInfo { id: "role.paren_country", reads: "GOVERNMENT-TITLE PERSON (and TITLE PERSON) (COUNTRY)", example: "Foreign Minister Ana Ruiz and Trade Minister Luis Vega (Nordvik) signed ...", confidence: 0.8 },
    RuleInfo { id: "role.of_possessor", reads: "his/her ROLE, PERSON (the role is in the organisation the possessor leads)", example: "His first deputy, Marie Colin, noted ...", confidence: 0.75 },
    RuleInfo { id: "role.verb", reads: "PERSON leads/heads/chairs ORG; PERSON serves on the boards of ORG, ORG; PERSON was appointed ROLE of ORG", example: "Jane Roe, who heads the Nordvik Port Authority, said ...", confidence: 0.75 },
    RuleInfo { id: "role.headed_by", reads: "GROUP/ORG headed by / led by PERSON", example: "A delegation headed by the minister's deputy, Jane Roe, ...", confidence: 0.85 },
    RuleInfo { id: "name.org_country", reads: "an organisation named with its country", example: "the Ministry of Digital Development of the Republic of Armenia; Hungary's State Statistics Office", confidence: 0.85 },
    RuleInfo { id: "name.group_country", reads: "a delegation named by its country", example: "the Georgian delegation", confidence: 0.85 },
    RuleInfo { id: "attend.verb", reads: "X took part in / participated in / attended EVENT", example: "A Georgian delegation is taking part in the 3rd Black Sea Energy Summit", confidence: 0.85 },
    RuleInfo { id: "attend.occasion", reads: "X ... on the occasion / sidelines / margins of EVENT", example: "Mr Tomas Berg visited Nordvik on the occasion of the 9th session of the Joint Commission", confidence: 0.75 },
    RuleInfo { id: "attend.featuring", reads: "EVENT featuring (five artists:) A, B and C", example: "a festival featuring five artists: Ana Ruiz, Tom Lee and the City Band", confidence: 0.75 },
    RuleInfo { id: "attend.including", reads: "EVENT with (some of the biggest) investors, including A, B and C", example: "hosts a roundtable with investors, including Acme Capital and Nordbank", confidence: 0.75 },
    RuleInfo { id: "attend.by_speaking", reads: "X spoke at EVENT (any spoke_at rule), not by video or in a recorded message: X attended EVENT", example: "Addressing the summit, Jane Roe said ...", confidence: 0.75 },
    RuleInfo { id: "attend.passive", reads: "EVENT is attended / (co-)chaired by delegations from A, B and C, as well as observers from D; EVENT witnessed / saw the participation of A and B", example: "The forum is attended by delegations from Iran and Russia, as well as observers from Belarus.", confidence: 0.85 },
    RuleInfo { id: "held.relative", reads: "EVENT, which is taking place / was held in PLACE", example: "the summit, which is taking place in the city of Varna", confidence: 0.85 },
    RuleInfo { id: "held.took_place", reads: "EVENT took place / was held at|in PLACE on DATE", example: "A roundtable discussion took place at the Xinhua office on Monday.", confidence: 0.85 },
    RuleInfo { id: "held.verb_object", reads: "X held/hosted/organized EVENT at|in PLACE (hosted/organized: organized_by X)", example: "Both ministers held a joint press conference at the Grand Hotel in Varna.", confidence: 0.75 },
    RuleInfo { id: "held.event_in_place", reads: "EVENT in PLACE", example: "took part in the 3rd meeting of ministers in Almaty", confidence: 0.7 },
    RuleInfo { id: "held.event_comma_place", reads: "EVENT, CITY, DATE (a heading)", example: "Joint Communiqué of the 4th Session of the Joint Commission, Nairobi, 3-4 May 2024", confidence: 0.75 },
    RuleInfo { id: "held.event_on_date", reads: "EVENT on/in DATE", example: "The forum on September 18 and 19 is attended by ...", confidence: 0.7 },
    RuleInfo { id: "held.ongoing", reads: "EVENT is taking place (now): the article's date", example: "the summit, which is taking place in Varna (article of 19 September)", confidence: 0.6 },
    RuleInfo { id: "located.comma", reads: "CITY/REGION, COUNTRY (or 'in CITY COUNTRY', the comma lost)", example: "in Varna, Bulgaria", confidence: 0.65 },
    RuleInfo { id: "located.in", reads: "FAC/LOC in PLACE", example: "the Eternal Flame of Glory monument in the Garden of Brotherhood", confidence: 0.75 },
    RuleInfo { id: "located.there_is", reads: "in PLACE there is FAC/ORG", example: "in Varna there is a monument to ..., there is a school ...", confidence: 0.7 },
    RuleInfo { id: "met.verb", reads: "X met (with) / held talks or discussions with Y", example: "Then the delegation met with the governor of the region, Pavel Ivanov.", confidence: 0.85 },
    RuleInfo { id: "visited.verb", reads: "X (, accompanied by A and B,) visited / arrived at / toured PLACE", example: "Kazakh President Nurlan Abenov visited Xinhua in February 2022.", confidence: 0.7 },
    RuleInfo { id: "met.meeting_of", reads: "a meeting of / between (TITLE) A and (TITLE) B", example: "A meeting of Acting President Tom Lee and President of Acme Ana Ruiz took place at the site", confidence: 0.8 },
    RuleInfo { id: "visited.received", reads: "X received / welcomed Y (on DATE) at|in PLACE(, CITY)", example: "President Ana Ruiz received Foreign Minister Tom Lee on 11 August at the Presidential Palace, Nordvik", confidence: 0.7 },
    RuleInfo { id: "visited.noun", reads: "X's / his (two-day official) visit to PLACE; X is on a visit to PLACE; the visit by X to PLACE; While in PLACE, X ...", example: "during his two-day official visit to Nordvik", confidence: 0.7 },
    RuleInfo { id: "twinned.sister_cities", reads: "A and B are sister/twin cities; A is twinned with B", example: "He noted that Tbilisi and Bristol are sister cities.", confidence: 0.9 },
    RuleInfo { id: "partner.between", reads: "the partnership between A and (the government and people of) B", example: "a testament to the long-standing partnership between Acme University and the government and people of Nordvik", confidence: 0.7 },
    RuleInfo { id: "partner.strategic", reads: "A is a (strategic) partner of B; A and B are partners", example: "Russia is a strategic partner of Azerbaijan", confidence: 0.85 },
    RuleInfo { id: "signed.between", reads: "memorandum/agreement ... between A and B", example: "the Memorandum of Understanding on media between the Republic of A and the Republic of B", confidence: 0.8 },
    RuleInfo { id: "signed.by_with", reads: "memorandums signed by A with B and C; A signed an agreement with B", example: "the memorandums signed by the Agency with the Ministry of X and the Agency of Y", confidence: 0.6 },
    RuleInfo { id: "signed.parties", reads: "A, B and C sign(ed) a memorandum/agreement; a memorandum signed by A and B", example: "Ruritania, Nordvik and Osterland sign a Memorandum of Understanding", confidence: 0.75 },
    RuleInfo { id: "partner.compound", reads: "A-B(-C) (economic/strategic/...) partnership / cooperation / ties / diplomatic relations", example: "the Ruritania-Nordvik economic partnership", confidence: 0.7 },
    RuleInfo { id: "published.in", reads: "newspapers (WORK, WORK) were published ... in PLACE", example: "in Kazan ... newspapers were published (\"A\" (1919), \"B\")", confidence: 0.75 },
    RuleInfo { id: "dedicated.to", reads: "FAC/EVENT dedicated to (the anniversary of) PERSON; monument to PERSON", example: "a photo exhibition dedicated to the 100th anniversary of X's birth", confidence: 0.8 },
    RuleInfo { id: "named.after", reads: "FAC/LOC named after PERSON; a school that bears his name", example: "the park named after national leader X", confidence: 0.85 },
    RuleInfo { id: "spoke.article_event", reads: "In his (opening) speech / remarks, X said ...; X delivered / gave the keynote address; X's speech highlighted ...; X addressed the audience; X then spoke and ... (no event named: the article's one event)", example: "In her opening remarks, Minister Jane Roe said ...", confidence: 0.6 },
    RuleInfo { id: "attend.article_event", reads: "X graced the occasion / event / ceremony (no event named: the article's one event)", example: "Consul General Jane Roe graced the occasion.", confidence: 0.6 },
    RuleInfo { id: "met.visited_with", reads: "X visited PLACE with (TITLE) Y (and Z)", example: "Next he visited the Skarn Hospital with the Minister of Health Jane Roe.", confidence: 0.65 },
    RuleInfo { id: "spoke.at", reads: "X delivered a speech / spoke / made remarks at EVENT", example: "Delivering a speech at the meeting, Karimova said ...", confidence: 0.8 },
    RuleInfo { id: "member.of", reads: "X, a member of ORG; X is a member of ORG", example: "Jane Roe, a member of the board, said ...", confidence: 0.8 },
    RuleInfo { id: "member.listed", reads: "ORG brings together / is composed of / comprises A, B and C", example: "The Council brings together governments and agencies (the Nordvik Fund, Acme Health and the Baltic Bank)", confidence: 0.75 },
    RuleInfo { id: "organized.by", reads: "EVENT organized/hosted by X; X organized/hosted EVENT", example: "the forum organized by the Union of Journalists", confidence: 0.8 },
    RuleInfo { id: "part_of.under", reads: "ORG under ORG", example: "the Agency of Information under the Administration of the President", confidence: 0.75 },
    RuleInfo { id: "based.via_parent", reads: "ORG part_of PARENT, PARENT based_in PLACE → ORG based_in PLACE", example: "the Agency under the Administration of the President of the Republic of X", confidence: 0.7 },
    RuleInfo { id: "based.comma", reads: "ORG, PLACE (the place closing the phrase)", example: "Professor at the University of Nordvik, Canada, discussed ...", confidence: 0.6 },
    RuleInfo { id: "based.in", reads: "ORG in PLACE", example: "the Chamber of Commerce in Tver hosted a dinner", confidence: 0.65 },
    RuleInfo { id: "based.paren", reads: "ORG (COUNTRY)", example: "involving Nordvik Engineering (South Korea) and ...", confidence: 0.75 },
    RuleInfo { id: "based.descriptor", reads: "COUNTRY/DEMONYM (solar power) company/bank/firm, ORG", example: "the Russian company Acme; Malaysian conglomerate, Merapi Holdings", confidence: 0.75 },
    RuleInfo { id: "based.verb", reads: "ORG, a ... based in / headquartered in / based out of PLACE; PLACE-based ORG; ORG, a PLACE-based firm; ORG, one of PLACE's largest banks", example: "Acme Holding, a global conglomerate based out of Oman, ...", confidence: 0.75 },
    RuleInfo { id: "based.possessive", reads: "COUNTRY's ORG", example: "Hungary's State News Agency MTI", confidence: 0.75 },
];

pub(crate) fn run_all(cx: &mut Ctx) {
    names(cx);
    roles(cx);
    role_paren_country(cx);
    headed_by(cx);
    attend(cx);
    attend_passive(cx);
    attend_around(cx);
    held(cx);
    located(cx);
    based_phrases(cx);
    places_and_meetings(cx);
    verbs(cx);
    visit_nouns(cx);
    relations(cx);
    signed(cx);
    published(cx);
    dedicated_named(cx);
    spoke(cx);
    spoke_unnamed_event(cx);
    role_verbs(cx);
    person_of_org(cx);
    professor_at(cx);
}

/// "X, a professor at Acme University", "X, director of A and professor of law at B": a
/// university title (the word is a name's honorific elsewhere, so no title item) tied to
/// a body by "at".
fn professor_at(cx: &mut Ctx) {
    let n = cx.items.len();
    for k in 1..n {
        if !(cx.is(k, "professor") && matches!(cx.items[k].kind, ItemKind::Word)) {
            continue;
        }
        // "professor (of political science) at": a field of a few plain words
        let at = (k + 1..(k + 6).min(n)).find(|&x| !matches!(cx.items[x].kind, ItemKind::Word) || cx.is(x, "at"));
        let Some(at) = at.filter(|&x| cx.is(x, "at") && (x == k + 1 || cx.is(k + 1, "of"))) else { continue };
        let o = cx.skip_det(at + 1);
        let Some((org, T::Org)) = cx.ent(o) else { continue };
        // the person: "X, (an associate) professor", or the apposition the title joins with
        // "and" ("X, director of A and professor at B")
        let mut b = k;
        while b > 0 && matches!(cx.items[b - 1].lower.as_str(), "a" | "an" | "the" | "associate" | "assistant" | "visiting" | "adjunct" | "emeritus" | "full" | "senior" | "distinguished" | "research") {
            b -= 1;
        }
        let person = if b >= 2 && cx.is(b - 1, ",") {
            cx.ent(b - 2).filter(|&(_, t)| t == T::Person).map(|(p, _)| (b - 2, p))
        } else if b >= 1 && cx.is(b - 1, "and") {
            // back over the apposition before "and": no verb, no other person, at most 15 items
            let from = b.saturating_sub(16);
            (from..b - 1).rev().take_while(|&x| cx.ent(x).is_none_or(|(_, t)| t != T::Person) || cx.is(x + 1, ",")).find(|&x| cx.ent(x).is_some_and(|(_, t)| t == T::Person) && cx.is(x + 1, ",") && (x + 2..b - 1).any(|y| cx.items[y].role().is_some())).and_then(|x| cx.ent(x).map(|(p, _)| (x, p)))
        } else {
            None
        };
        let Some((pi, p)) = person else { continue };
        let role = cx.doc.text(cx.clean, cx.items[b].tok_start, cx.items[at - 1].tok_end).to_lowercase();
        // (a line break inside the title is a space)
        let role = role.split_whitespace().skip_while(|w| matches!(*w, "a" | "an" | "the")).collect::<Vec<_>>().join(" ");
        cx.role_fact(p, RoleKind::Staff, &role, (org, T::Org), "role.professor_at", (pi, o + 1));
    }
}

/// "Professor Jane Roe of Acme University", "Dr. John Doe of the Nordvik Institute": the
/// body a person is named with works with them. (A party is membership, not work; a
/// place after "of" is the person's home, not an employer.)
fn person_of_org(cx: &mut Ctx) {
    let n = cx.items.len();
    for k in 0..n.saturating_sub(2) {
        let Some((p, T::Person)) = cx.ent(k) else { continue };
        if !cx.is(k + 1, "of") {
            continue;
        }
        // a title before the name ("Professor", "Judge", "Dr.", "Ms."): a name of a person,
        // not of a grant or a chapter the tagger took for one
        let titled = k >= 1 && {
            let b = if cx.is(k - 1, ".") && k >= 2 { k - 2 } else { k - 1 };
            let it = &cx.items[b];
            it.role().is_some() || matches!(it.kind, ItemKind::Word) && (crate::analyse::lexicon::is_honorific(&it.lower) || matches!(it.lower.as_str(), "professor" | "prof" | "judge" | "justice" | "sergeant" | "officer" | "detective"))
        };
        if !titled {
            continue;
        }
        let o = cx.skip_det(k + 2);
        let Some((org, T::Org)) = cx.ent(o) else { continue };
        // "X of Acme's board", "X of Acme and Y": the name of the body is whole
        if cx.is(o + 1, "'s") {
            continue;
        }
        let name = cx.doc.cand_of(&cx.items[o]).map(|c| c.name.to_lowercase()).unwrap_or_default();
        if name.split(' ').any(|w| matches!(w, "party" | "caucus" | "family" | "dynasty")) {
            continue;
        }
        // (a body some mention of the article runs into a person: "Judge X on the Court of Y")
        if cx.doc.cands.iter().any(|c| c.entity == org && (c.name.contains(" on ") || c.name.starts_with("on "))) {
            continue;
        }
        cx.emit(p, P::WorksFor, FactObject::Entity(org), "role.person_of", (k, o + 1));
    }
}

/// Roles said with a verb: "X leads / heads / chairs ORG", "X, who heads ORG", "X serves
/// on the boards of A, B and C", "X was appointed (as) ROLE of ORG".
fn role_verbs(cx: &mut Ctx) {
    let n = cx.items.len();
    for k in 0..n {
        let w = cx.items[k].lower.as_str();
        let lead = match w {
            // ("directed" is left out: "directed the Office to publish" gives an order)
            "leads" | "led" | "heads" | "headed" | "chairs" | "chaired" => Some(if w.starts_with("chair") { "chair" } else { "head" }),
            _ => None,
        };
        if let Some(role) = lead {
            // "headed by" / "led by" are the passive rule's
            if cx.is(k + 1, "by") {
                continue;
            }
            // "who heads up the unit"
            let o = cx.skip_det(if cx.is(k + 1, "up") { k + 2 } else { k + 1 });
            let Some((org, ot)) = cx.ent(o).filter(|(_, t)| matches!(t, T::Org | T::Group)) else { continue };
            if cx.is(o + 1, "'s") {
                continue;
            }
            if let Some((si, p)) = cx.subject_before(k, &[T::Person]) {
                cx.role_fact(p, RoleKind::Top, role, (org, ot), "role.verb", (si, o + 1));
            }
            continue;
        }
        // "serves on the (governing) board(s) of A, B and C"
        if matches!(w, "serves" | "served" | "serve" | "sits" | "sat") && cx.is(k + 1, "on") {
            let mut j = cx.skip_det(k + 2);
            while j < n && j < k + 6 && !matches!(cx.items[j].lower.as_str(), "board" | "boards") {
                j += 1;
            }
            if !(cx.is(j, "board") || cx.is(j, "boards")) || !cx.is(j + 1, "of") {
                continue;
            }
            let Some((si, p)) = cx.subject_before(k, &[T::Person]) else { continue };
            for (oi, org) in cx.objects_after(j + 2, &[T::Org], 30) {
                cx.role_fact(p, RoleKind::Staff, "board member", (org, T::Org), "role.verb", (si, oi + 1));
            }
            continue;
        }
        // "was appointed (as) the ROLE of ORG", "has been named ROLE of ORG"
        if matches!(w, "appointed" | "named" | "elected" | "reappointed" | "re-elected") {
            let mut r = k + 1;
            if cx.is(r, "as") {
                r += 1;
            }
            r = cx.skip_det(r);
            if cx.ent_or_demonym(r).is_some_and(|(_, t)| t == T::Gpe) && role_at(cx, r + 1).is_some() {
                r += 1;
            }
            let Some((role, kind)) = role_at(cx, r) else { continue };
            let (target, _) = role_target(cx, r);
            let Some(t) = target else { continue };
            // the person: before "was appointed" (a new name after the verb is the object)
            if let Some((si, p)) = cx.subject_before(k, &[T::Person]) {
                cx.role_fact(p, kind, &role, t, "role.verb", (si, r + 2));
            }
        }
    }
}

/// Titles of a country's government, which "President X" alone holds in that country.
fn government_title(role: &str) -> bool {
    // the title's core, before any portfolio: "minister of environment", "prime minister"
    let core = role.split(" of ").next().unwrap_or(role).split(" for ").next().unwrap_or(role);
    let last = core.rsplit(' ').next().unwrap_or(core);
    // "Culture Secretary", "Home Secretary": a cabinet member named by the portfolio
    let portfolio_secretary = last == "secretary" && core.rsplit(' ').nth(1).is_some_and(|w| crate::analyse::mentions::PORTFOLIOS.contains(&w) || matches!(w, "home" | "foreign"));
    (portfolio_secretary || matches!(last, "president" | "minister" | "premier" | "chancellor" | "king" | "queen" | "emir" | "sultan" | "taoiseach" | "tánaiste" | "vice-president"))
        && !role.split(' ').any(|w| matches!(w, "ministers" | "university" | "bank" | "club" | "company"))
}

const AGENTS: &[T] = &[T::Person, T::Group, T::Org, T::Gpe];
const PLACES: &[T] = &[T::Gpe, T::Loc, T::Fac];

/// A word an apposition may put between its comma and the title: "the visionary founder",
/// "Group Chief Executive"; never a word that starts a clause or a list.
fn free_modifier(cx: &Ctx, k: usize) -> bool {
    let it = &cx.items[k];
    matches!(it.kind, ItemKind::Word)
        && it.lower.chars().all(|c| c.is_alphabetic() || c == '-')
        && !matches!(
            it.lower.as_str(),
            "the" | "a" | "an" | "and" | "or" | "but" | "who" | "which" | "whose" | "that" | "this" | "said" | "says" | "is" | "was" | "are" | "were"
                | "has" | "had" | "have" | "will" | "would" | "also" | "as" | "with" | "by" | "of" | "in" | "at" | "to" | "for" | "on" | "from" | "its"
                | "their" | "his" | "her" | "our" | "when" | "while" | "after" | "before" | "not" | "now" | "then" | "former" | "told" | "met" | "called"
        )
}

fn role_at(cx: &Ctx, k: usize) -> Option<(String, RoleKind)> {
    cx.items.get(k)?.role().map(|r| (r.words.clone(), r.kind))
}

/// Facts carried by names: an organisation with its country, a delegation with its country.
fn names(cx: &mut Ctx) {
    for k in 0..cx.items.len() {
        let Some(c) = cx.doc.cand_of(&cx.items[k]) else { continue };
        let Some(g) = c.country else { continue };
        let (Some(e), Some(ge)) = (cx.doc.entity_of(&cx.items[k]), Some(cx.doc.cands[g].entity).filter(|&x| x != usize::MAX)) else { continue };
        match c.etype {
            // (an embassy or a mission of a country is abroad: the country is whose it is)
            T::Org if !diplomatic_mission(&c.name) => {
                cx.emit(e, P::BasedIn, FactObject::Entity(ge), "name.org_country", (k, k + 1));
            }
            T::Group => {
                cx.emit(e, P::Represents, FactObject::Entity(ge), "name.group_country", (k, k + 1));
            }
            _ => {}
        }
    }
    // "Azerbaijan's State News Agency"
    for k in 0..cx.items.len().saturating_sub(2) {
        if let (Some((g, T::Gpe)), true, Some((o, T::Org))) = (cx.ent(k), cx.is(k + 1, "'s"), cx.ent(k + 2)) {
            // a known place owning a body, not a programme ("Wisconsin's Innovation Grant")
            let known = cx.doc.cand_of(&cx.items[k]).is_some_and(|c| crate::gazetteer::place(c.canonical.as_deref().unwrap_or(&c.name)).is_some());
            if !known || !homed_body(cx, k + 2) {
                continue;
            }
            cx.emit(o, P::BasedIn, FactObject::Entity(g), "based.possessive", (k, k + 3));
        }
    }
}

/// "High Commission of India", "the Embassy of Peru", "Permanent Mission of Chile to the UN":
/// a country's office in another country.
fn diplomatic_mission(name: &str) -> bool {
    let lower = name.to_lowercase();
    let core = lower.split(" of ").next().unwrap_or(&lower).trim_start_matches("the ");
    let ends = |h: &str| core == h || core.ends_with(&format!(" {h}"));
    // (a "mission" alone is as often a programme: "the Semiconductor Mission")
    ["embassy", "high commission", "consulate", "consulate general", "consulate-general", "permanent mission", "diplomatic mission", "legation", "liaison office", "interests section"].iter().any(|h| ends(h))
        || core == "mission" && lower.contains(" of ")
}

/// Role constructions: title before a name, appositions either side, "his first deputy".
fn roles(cx: &mut Ctx) {
    let n = cx.items.len();
    for k in 0..n {
        let Some((role, kind)) = role_at(cx, k) else { continue };
        // ORG/GPE ROLE (to GPE)? PERSON: "Nordvik Director General X", "Azerbaijani President X",
        // "US Ambassador to Mexico X".
        if k > 0 {
            // "ADB's regional director X", "the Cook Islands' acting prime minister, X"
            let owner = if k > 1 && (cx.is(k - 1, "'s") || cx.is(k - 1, "'")) { k - 2 } else { k - 1 };
            if let Some((org, ot)) = cx.ent_or_demonym(owner).filter(|(_, t)| matches!(t, T::Org | T::Gpe)) {
                let mut p = k + 1;
                // "the Cook Islands' Prime Minister, X", "NUP Vice-Chancellor, Professor X"
                let honorific_next = cx.items.get(p + 1).is_some_and(|i| crate::analyse::lexicon::is_honorific(&i.lower) || matches!(i.lower.as_str(), "professor" | "prof" | "dr" | "mr" | "mrs" | "ms" | "honourable" | "hon'ble"));
                if (owner < k - 1 || honorific_next) && cx.is(p, ",") {
                    p += 1;
                }
                let mut full_role = role.clone();
                if cx.is(p, "to") {
                    // "US Ambassador to the USSR X"
                    let g = cx.skip_det(p + 1);
                    if let Some((_, T::Gpe)) = cx.ent(g) {
                        full_role = format!("{role} to {}", cx.doc.text(cx.clean, cx.items[g].tok_start, cx.items[g].tok_end));
                        p = g + 1;
                    }
                }
                // "Brazilian Minister of Health X", "State Department Director of Policy
                // Planning X": a portfolio after the title (for a body: one with no head word)
                let portfolio_ok = |x: usize| cx.items[x].mention().is_none() || ot == T::Org && cx.ent(x).is_some_and(|(_, t)| t == T::Org) && !org_headed(cx, x);
                let mut kind = kind;
                if (cx.is(p, "of") || cx.is(p, "for")) && ot == T::Org {
                    let q = (p + 1..(p + 7).min(n)).find(|&x| !portfolio_ok(x) || !matches!(cx.items[x].kind, ItemKind::Word | ItemKind::Mention(_)));
                    if let Some(q) = q.filter(|&q| q > p + 1 && cx.person_at(q).is_some()) {
                        full_role = cx.doc.text(cx.clean, cx.items[k].tok_start, cx.items[q - 1].tok_end).to_lowercase();
                        p = q;
                        // the director of one portfolio works under the body's head
                        if kind == RoleKind::Top {
                            kind = RoleKind::Staff;
                        }
                    }
                }
                if (cx.is(p, "of") || cx.is(p, "for")) && ot == T::Gpe {
                    let q = (p + 1..(p + 7).min(n)).find(|&x| cx.items[x].mention().is_some() || !matches!(cx.items[x].kind, ItemKind::Word));
                    if let Some(q) = q.filter(|&q| q > p + 1 && cx.person_at(q).is_some()) {
                        full_role = cx.doc.text(cx.clean, cx.items[k].tok_start, cx.items[q - 1].tok_end).to_lowercase();
                        p = q;
                    }
                }
                if let Some((pi, person)) = cx.person_at(p) {
                    cx.role_fact(person, kind, &full_role, (org, ot), "role.title_before_name", (owner, pi + 1));
                    continue;
                }
            }
        }
        // ROLE PERSON of COUNTRY/ORG: "Prime Minister Justin Trudeau of Canada"
        if let Some((person, T::Person)) = cx.ent(k + 1) {
            if cx.is(k + 2, "of") {
                let m = cx.skip_det(k + 3);
                if let Some((o, ot)) = cx.ent(m).filter(|(_, t)| matches!(t, T::Gpe | T::Org)) {
                    cx.role_fact(person, kind, &role, (o, ot), "role.title_name_of", (k, m + 1));
                    continue;
                }
            }
        }
        // ROLE of/to the ORG ..., PERSON  |  PERSON, the ROLE of the ORG
        let (target, after) = role_target(cx, k);
        // "director of Baltic Affairs at the Council": a post under the body's head
        let kind = if kind == RoleKind::Top && target.is_some() && cx.is(k + 1, "of") && {
            let j = cx.skip_to_name(k + 2);
            after > j + 1 && (cx.is(j + 1, "at") || cx.is(j + 1, "in"))
        } {
            RoleKind::Staff
        } else {
            kind
        };
        let former = k > 0 && cx.is(k - 1, "former");
        let role_txt = if former { format!("former {role}") } else { role.clone() };
        // apposition after: PERSON , (the|a)? [demonym]? ROLE ...
        let mut b = k;
        if b > 0 && (cx.is(b - 1, "the") || cx.is(b - 1, "a") || cx.is(b - 1, "former")) {
            b -= 1;
        }
        if b > 0 && (cx.is(b - 1, "the") || cx.is(b - 1, "a")) {
            b -= 1;
        }
        let mut demonym = None;
        if b > 0 && cx.ent_or_demonym(b - 1).is_some_and(|(_, t)| t == T::Gpe) && cx.doc.cand_of(&cx.items[b - 1]).is_some_and(|c| c.adjective) {
            demonym = cx.ent_or_demonym(b - 1);
            b -= 1;
            if b > 0 && (cx.is(b - 1, "the") || cx.is(b - 1, "a")) {
                b -= 1;
            }
        }
        // "Director of the Bureau Rohit Chopra": the title belongs to the name right after it
        if let (Some(t), Some((pi, p2))) = (target, cx.person_at(after)) {
            cx.role_fact(p2, kind, &role_txt, t, "role.title_name_of", (b, pi + 1));
            continue;
        }
        // "X, the ABU Vice Chancellor": an organisation before the title in the apposition
        if demonym.is_none() && b >= 2 && cx.ent(b - 1).is_some_and(|(_, t)| t == T::Org) && (cx.is(b - 2, "the") || cx.is(b - 2, ",")) && target.is_none() {
            let c = if cx.is(b - 2, "the") { b - 2 } else { b - 1 };
            if c >= 2 && cx.is(c - 1, ",") {
                if let Some((person, T::Person)) = cx.ent(c - 2) {
                    let org = cx.ent(b - 1).unwrap();
                    cx.role_fact(person, kind, &role_txt, org, "role.apposition_after", (c - 2, k + 1));
                    continue;
                }
            }
        }
        // "X, the visionary founder of Y", "X, Group Chief Executive of Y": words an apposition
        // may put before its title
        let mut bm = b;
        while bm > 0 && b - bm < 2 && free_modifier(cx, bm - 1) {
            bm -= 1;
        }
        if bm < b && bm > 0 && (cx.is(bm - 1, "the") || cx.is(bm - 1, "a")) {
            bm -= 1;
        }
        let b = if bm < b && bm >= 2 && cx.is(bm - 1, ",") && cx.ent(bm - 2).is_some_and(|(_, t)| t == T::Person) { bm } else { b };
        // "X, Nordvik's Deputy Minister of Culture", "X, the Agency's director of research":
        // the possessor is where the title is held; a title "of" something inside it is a post
        // under its head
        if demonym.is_none() && b >= 4 && cx.is(b - 1, "'s") {
            if let Some((owner, ot)) = cx.ent_or_demonym(b - 2).filter(|(_, t)| matches!(t, T::Org | T::Gpe)) {
                let c = if cx.is(b - 3, "the") { b - 3 } else { b - 2 };
                if c >= 2 && cx.is(c - 1, ",") {
                    if let Some((person, T::Person)) = cx.ent(c - 2) {
                        let (kind, text) = match target {
                            Some(_) => (if kind == RoleKind::Top { RoleKind::Staff } else { kind }, cx.doc.text(cx.clean, cx.items[k].tok_start, cx.items[after - 1].tok_end).to_lowercase()),
                            None => (kind, role_txt.clone()),
                        };
                        cx.role_fact(person, kind, &text, (owner, ot), "role.apposition_after", (c - 2, after));
                        continue;
                    }
                }
            }
        }
        // "PERSON, the ROLE of X" — and "PERSON the ROLE of X" / "PERSON Chair of X" where a
        // scrape lost the commas (the title then written as one, in capitals)
        let capital_title = cx.doc.text(cx.clean, cx.items[k].tok_start, cx.items[k].tok_end).starts_with(char::is_uppercase);
        let person_before = if b >= 2 && cx.is(b - 1, ",") {
            cx.ent(b - 2).filter(|(_, t)| *t == T::Person)
        } else if b >= 1 && cx.is(b, "the") && target.is_some() {
            cx.ent(b - 1).filter(|(_, t)| *t == T::Person)
        } else if b == k && b >= 1 && capital_title && target.is_some_and(|(_, t)| t != T::Group) && !(b >= 2 && matches!(cx.items[b - 2].lower.as_str(), "the" | "a" | "an" | "'s")) {
            // (not "the Jane Roe Chair of Economics", a chair named after its donor)
            cx.ent(b - 1).filter(|(_, t)| *t == T::Person && cx.doc.cand_of(&cx.items[b - 1]).is_some_and(|c| c.name.contains(' ')))
        } else {
            None
        };
        let b = if person_before.is_some() && !(b >= 2 && cx.is(b - 1, ",")) { b + 1 } else { b };
        // "A, Consul General of X in Y B, and ...": in a list the title is the next person's
        let next_persons = cx.person_at(after).is_some() || cx.is(after, "in") && cx.ent(after + 1).is_some_and(|(_, t)| t == T::Gpe) && cx.person_at(after + 2).is_some();
        let person_before = person_before.filter(|_| !next_persons);
        if let Some((person, _)) = person_before {
            if kind == RoleKind::Envoy {
                if let Some(d) = demonym {
                    let full = match target {
                        Some((t, T::Gpe)) => format!("{role} to {}", cx.doc_name(t)),
                        _ => role.clone(),
                    };
                    cx.role_fact(person, kind, &full, d, "role.apposition_after", (b - 2, after));
                    continue;
                }
            }
            // "X, Chairman, Nordvik Holding said": title and body as two appositions
            let comma_org = (target.is_none() && cx.is(k + 1, ","))
                .then(|| cx.ent(k + 2))
                .flatten()
                .filter(|&(_, t)| t == T::Org)
                .filter(|_| cx.items.get(k + 3).is_none_or(|i| matches!(i.kind, ItemKind::Punct) || matches!(i.lower.as_str(), "said" | "says" | "added" | "noted" | "stated" | "remarked" | "explained" | "and")));
            let after = if comma_org.is_some() { k + 3 } else { after };
            if let Some(t) = target.or(demonym).or(comma_org) {
                cx.role_fact(person, kind, &role_txt, t, "role.apposition_after", (b - 2, after));
            }
            continue;
        }
        // apposition before: (the)? ROLE of the X , PERSON — not inside a list of
        // "Name, Title, Name, Title", where a title belongs to the name before it
        // ("TITLE A, and TITLE of X, B" is a list of titles before names: no such list)
        // (or "the ROLE of X, A, and the ROLE of Y, B")
        let p = if b >= 1 && cx.is(b - 1, "the") { b - 1 } else { b };
        let titles_first = p >= 3 && cx.is(p - 1, "and") && cx.is(p - 2, ",") && cx.ent(p - 3).is_some_and(|(_, t)| t == T::Person) && {
            let from = cx.items.iter().rposition(|i| i.role().is_some() && i.tok_end <= cx.items[p - 3].tok_start);
            from.is_some_and(|r| (r + 1..p - 3).all(|x| cx.ent(x).is_some_and(|(_, t)| matches!(t, T::Org | T::Gpe | T::Person)) || matches!(cx.items[x].kind, ItemKind::Word | ItemKind::Punct) && (!cx.is(x, ",") || x + 1 == p - 3)))
        };
        let in_list = b > 0
            && (cx.is(b - 1, ",") || cx.is(b - 1, "and") || cx.is(b - 1, "&"))
            && !titles_first
            && (b.saturating_sub(5)..b - 1).any(|x| cx.items[x].role().is_some() || cx.ent(x).is_some_and(|(_, t)| t == T::Person));
        // "as a senior advisor to the Speaker of X, Jane": the title another title serves
        // (a leading "as": "serves as Advisor to Chairman of X, General Y" names the chairman)
        let as_at = if p >= 3 && cx.is(p - 3, "as") { Some(p - 3) } else if p >= 4 && cx.is(p - 3, "a") && cx.is(p - 4, "as") { Some(p - 4) } else { None };
        let serves_title = p >= 2 && cx.is(p - 1, "to") && cx.items[p - 2].role().is_some() && as_at.is_some_and(|a| a == 0 || cx.is(a - 1, ","));
        if let (Some(t), false) = (target, in_list || serves_title) {
            if cx.is(after, ",") {
                if let Some((pi, person)) = cx.person_at(after + 1) {
                    // "the British Ambassador to Nordvik, X": the envoy of the demonym's country
                    if let (RoleKind::Envoy, Some(d), (tg, T::Gpe)) = (kind, demonym, t) {
                        let full = format!("{role} to {}", cx.doc_name(tg));
                        cx.role_fact(person, kind, &full, d, "role.apposition_before", (b, pi + 1));
                        continue;
                    }
                    cx.role_fact(person, kind, &role_txt, t, "role.apposition_before", (b, pi + 1));
                    continue;
                }
            }
            // "the ROLE of X" as a description already resolved to a person (mention item)
        }
        // His first deputy, PERSON: the role is in the organisation the possessor leads.
        if k > 0 && matches!(cx.items[k - 1].lower.as_str(), "his" | "her") || k > 0 && cx.doc.cand_of(&cx.items[k - 1]).is_some_and(|c| c.kind == crate::model::MentionKind::Pronoun && matches!(c.name.to_lowercase().as_str(), "his" | "her")) {
            let possessor = cx.ent(k - 1).map(|(e, _)| e);
            if cx.is(k + 1, ",") {
                if let (Some(owner), Some((person, T::Person))) = (possessor, cx.ent(k + 2)) {
                    let org = cx.doc_led_by(owner);
                    if let Some(o) = org {
                        cx.role_fact(person, RoleKind::Staff, &role, (o, T::Org), "role.of_possessor", (k - 1, k + 3));
                    }
                }
            }
        }
    }
    // "President Jane Roe" with no country in sight: the country the article is about.
    if let Some(g) = cx.doc.country {
        for k in 0..n {
            let Some((role, kind)) = role_at(cx, k) else { continue };
            // "Minister of Fisheries, Aquatic and Ocean Resources Hon'ble X": a portfolio of
            // words (or of names with no head word) between the title and the person
            let portfolio_follows = cx.is(k + 1, "of") || cx.is(k + 1, "for") || cx.is(k + 1, ",") && (role.contains(" of ") || role.contains(" for "));
            // "Minister of Culture, Sports and Youth Hon'ble X": an honorific before the name
            let honorific = |x: usize| cx.items.get(x).is_some_and(|i| matches!(i.kind, crate::analyse::mentions::ItemKind::Word) && (crate::analyse::lexicon::is_honorific(&i.lower) || matches!(i.lower.as_str(), "hon'ble" | "hon’ble" | "honourable" | "honorable" | "shri" | "smt")));
            let after = if honorific(k + 1) { k + 2 } else { k + 1 };
            let (pi, role) = match cx.ent(after) {
                Some((_, T::Person)) => (after, role),
                _ if portfolio_follows => match person_after_portfolio(cx, k + 2) {
                    Some((x, p)) => (p, cx.doc.text(cx.clean, cx.items[k].tok_start, cx.items[x - 1].tok_end).to_lowercase()),
                    None => continue,
                },
                _ => continue,
            };
            let Some((person, T::Person)) = cx.ent(pi) else { continue };
            let stated = k > 0 && cx.ent_or_demonym(k - 1).is_some() || cx.is(pi + 1, "of") || cx.is(pi + 1, ",") && cx.ent(pi + 2).is_some_and(|(_, t)| t == T::Gpe);
            // another country named in the sentence may be the one meant; so may the
            // article's own country named there for someone else ("spoke today with Prime
            // Minister X of the United Kingdom")
            let named_person = cx.doc.cand_of(&cx.items[pi]).is_some_and(|c| c.kind == crate::model::MentionKind::Name && c.name.chars().next().is_some_and(char::is_uppercase));
            let g_elsewhere = (0..n).any(|x| (x + 1 < k || x > pi) && cx.ent_or_demonym(x).is_some_and(|(e, _)| e == g));
            let other_country = !named_person || g_elsewhere || (0..n).any(|x| cx.ent_or_demonym(x).is_some_and(|(e, t)| t == T::Gpe && e != g && cx.doc.cand_of(&cx.items[x]).is_some_and(|c| crate::gazetteer::place(c.canonical.as_deref().unwrap_or(&c.name)).is_some_and(|p| p.kind == crate::gazetteer::PlaceKind::Country))));
            // "President X received Japanese Foreign Minister Y": the article's country marks
            // someone else in this sentence, so it is not said to be X's
            let marks_other = (0..n).any(|x| x + 1 != k && cx.ent_or_demonym(x).is_some_and(|(e, _)| e == g) && cx.items.get(x + 1).is_some_and(|i| i.role().is_some()));
            let stated = stated || other_country || marks_other;
            let has_role_fact = cx.facts.iter().any(|f| f.subject == person && matches!(f.predicate, P::Heads | P::WorksFor | P::Represents));
            // a king or queen named in another country's news reigns elsewhere
            let monarch = role.split(' ').any(|w| matches!(w, "king" | "queen" | "emir" | "sultan" | "prince" | "princess"));
            if stated || has_role_fact || monarch || !government_title(&role) {
                continue;
            }
            let role_txt = if k > 0 && cx.is(k - 1, "former") { format!("former {role}") } else { role };
            cx.role_fact(person, kind, &role_txt, (g, T::Gpe), "role.document_country", (k, pi + 1));
        }
    }
    counterpart_country(cx);
    counterparts(cx);
    // Descriptions resolved to a person: "the executive director of X" where the role item
    // became a mention — handled by the apposition rules when a name follows.
}

/// "his / her / their (Indian) counterpart(s)" at `k`: the item after "counterpart".
fn counterpart_at(cx: &Ctx, k: usize) -> Option<usize> {
    // (a pronoun's mention item keeps its word, so one test serves both)
    if !cx.items.get(k).is_some_and(|i| matches!(i.lower.as_str(), "his" | "her" | "their")) {
        return None;
    }
    let c = if cx.ent_or_demonym(k + 1).is_some_and(|(_, t)| t == T::Gpe) { k + 2 } else { k + 1 };
    matches!(cx.items.get(c).map(|i| i.lower.as_str()), Some("counterpart" | "counterparts")).then_some(c + 1)
}

/// "Foreign Minister X met her Indian counterpart, Y": Y holds X's post in India (or, in a
/// story between two countries, in the one that is not X's).
fn counterparts(cx: &mut Ctx) {
    let n = cx.items.len();
    for k in 0..n {
        let Some(after) = counterpart_at(cx, k) else { continue };
        let j = if cx.is(after, ",") { after + 1 } else { after };
        // (the name right there: "engaged their counterparts, and Administrator Y" is another clause)
        if cx.is(j, "and") {
            continue;
        }
        let Some((yi, y)) = cx.person_at(j).or_else(|| cx.titled_person_at(j)) else { continue };
        // whose counterpart: the pronoun's person, else the clause's subject
        let x = cx.doc.entity_of(&cx.items[k]).or_else(|| cx.subject_before(k, &[T::Person]).map(|(_, e)| e));
        let Some(x) = x.filter(|&x| x != y) else { continue };
        // the post: X's, as a role fact of this article says it
        let post = cx.facts.iter().rev().find(|f| f.subject == x && matches!(f.predicate, P::Heads | P::WorksFor) && f.role.is_some()).map(|f| (f.role.clone().unwrap_or_default(), if f.predicate == P::Heads { RoleKind::Top } else { RoleKind::Staff }, Some(f.object.clone())));
        // (or the title before X's name here: "Foreign Minister X met her Indian counterpart")
        let titled = || (1..k).find(|&xi| cx.ent(xi).is_some_and(|(e, _)| e == x)).and_then(|xi| role_at(cx, xi - 1)).map(|(r, kind)| (r, kind, None));
        let Some((role, kind, home)) = post.or_else(titled) else { continue };
        let country = match cx.ent_or_demonym(k + 1).filter(|&(_, t)| t == T::Gpe) {
            Some((g, _)) => Some(g),
            None => match (cx.doc.pair, home) {
                (Some([a, b]), Some(FactObject::Entity(h))) if h == a || h == b => Some(if h == a { b } else { a }),
                _ => None,
            },
        };
        // a post in a country ("foreign minister"), not in a body ("chief executive")
        let Some(g) = country.filter(|_| government_title(&role) || role.contains("minister") || role.contains("secretary")) else { continue };
        cx.role_fact(y, kind, &role, (g, T::Gpe), "role.counterpart", (k, yi + 1));
    }
}

/// "President X and Kyrgyz President Y took part", "President X received Japanese Foreign
/// Minister Y": in a story between two countries, a leader whose country is not stated,
/// beside or meeting an official stated to be of one of them, is of the other one.
fn counterpart_country(cx: &mut Ctx) {
    let Some([c1, c2]) = cx.doc.pair else { return };
    let n = cx.items.len();
    // a leader's title: the post that stands for a country
    let leader = |role: &str| matches!(role, "president" | "prime minister" | "premier" | "chancellor" | "king" | "queen" | "emir" | "sultan");
    for k in 0..n {
        let Some((role, kind)) = role_at(cx, k) else { continue };
        if !leader(&role) || k > 0 && (cx.ent_or_demonym(k - 1).is_some() || cx.is(k - 1, "former") || cx.is(k - 1, "'s")) {
            continue;
        }
        let Some((person, T::Person)) = cx.ent(k + 1) else { continue };
        let stated = cx.is(k + 2, "of") || cx.is(k + 2, "(") || cx.is(k + 2, ",") && cx.ent(k + 3).is_some_and(|(_, t)| t == T::Gpe);
        if stated || cx.facts.iter().any(|f| f.subject == person && matches!(f.predicate, P::Heads | P::WorksFor | P::Represents)) {
            continue;
        }
        // the counterpart: "Kyrgyz President Y", "Japanese Foreign Minister Y"
        let counterpart = (1..n).find_map(|x| {
            let (other_role, _) = role_at(cx, x)?;
            let (g, _) = cx.ent_or_demonym(x - 1).filter(|&(g, _)| g == c1 || g == c2)?;
            let (y, t) = cx.ent(x + 1)?;
            (t == T::Person && y != person && x != k && government_title(&other_role)).then_some((x, g, other_role == role))
        });
        let Some((x, g, same_title)) = counterpart else { continue };
        // beside each other ("X and Y"), or one meets the other
        let (lo, hi) = if x < k { (x + 2, k) } else { (k + 2, x - 1) };
        let met = (lo..hi).any(|j| matches!(cx.items[j].lower.as_str(), "received" | "receives" | "met" | "meets" | "hosted" | "hosts" | "welcomed" | "welcomes" | "talks" | "with"));
        let beside = same_title && (lo..hi).all(|j| matches!(cx.items[j].lower.as_str(), "and" | "," | "&"));
        if !(met || beside) {
            continue;
        }
        let home = if g == c1 { c2 } else { c1 };
        // the sentence is about the two countries alone, and names the leader's own one
        // other than as someone's title ("the Russian airbase", "between India and the
        // United States"): the pair may be two foreign countries of a third one's story
        let countries: Vec<(usize, bool)> = (0..n)
            .filter_map(|j| {
                let (e, t) = cx.ent_or_demonym(j)?;
                (t == T::Gpe && is_country(cx, j)).then(|| (e, cx.items.get(j + 1).is_some_and(|i| i.role().is_some())))
            })
            .collect();
        // (or inside another name: "the inauguration of the Russian airbase")
        let canonical = |e: usize| cx.doc.cands.iter().find(|c| c.entity == e).map(|c| c.canonical.clone().unwrap_or_else(|| c.name.clone()));
        let home_name = canonical(home).and_then(|h| crate::gazetteer::place(&h)).map(|p| p.canonical);
        let inside_name = (0..n).any(|j| {
            cx.ent(j).is_some_and(|(_, t)| t != T::Gpe)
                && (cx.items[j].tok_start..cx.items[j].tok_end).any(|x| {
                    let w = cx.doc.tokens[x].text.as_str();
                    home_name.is_some_and(|h| crate::gazetteer::demonym_country(w) == Some(h) || crate::gazetteer::place(w).is_some_and(|p| p.canonical == h))
                })
        });
        if countries.iter().any(|&(e, _)| e != c1 && e != c2) || !(inside_name || countries.iter().any(|&(e, titled)| e == home && !titled)) {
            continue;
        }
        cx.role_fact(person, kind, &role, (home, T::Gpe), "role.counterpart_country", (k.min(x - 1), (k + 2).max(x + 2)));
    }
}

/// The person after a title's portfolio of words (or of names with no head word), from item
/// `j`: "(Minister of Culture), Sports and Youth Hon'ble X" → (index where X's mention or its
/// honorific starts, X's item).
fn person_after_portfolio(cx: &Ctx, j: usize) -> Option<(usize, usize)> {
    let portfolio = |x: usize| match cx.items[x].kind {
        ItemKind::Word => cx.items[x].lower.chars().all(|c| c.is_alphabetic() || c == '-' || c == '&'),
        ItemKind::Punct => cx.is(x, ","),
        ItemKind::Mention(_) => cx.ent(x).is_some_and(|(_, t)| t == T::Org) && !org_headed(cx, x),
        ItemKind::Role(_) => false,
    };
    let end = (j..(j + 10).min(cx.items.len())).find(|&x| cx.person_at(x).is_some() || !portfolio(x))?;
    let (p, _) = cx.person_at(end)?;
    (end > j && !matches!(cx.items[end - 1].lower.as_str(), "and" | "the" | ",")).then_some((end, p))
}

/// More ways news places things: "Musina in the Limpopo Province", "Nordvik's Harbour Square",
/// "the State Guest House, Porto"; and "a meeting of A and B" as their meeting.
fn places_and_meetings(cx: &mut Ctx) {
    let n = cx.items.len();
    for k in 0..n {
        let Some((a, at)) = cx.ent(k) else { continue };
        // TOWN in (the) REGION/COUNTRY: a town (not a country) in a larger known place
        // (a town's name: known, or a short proper name with no ordinary or title word)
        let town_like = || {
            place_name(cx, k).is_some()
                || cx.doc.cand_of(&cx.items[k]).is_some_and(|c| {
                    c.name.split(' ').count() <= 3
                        && c.name.split(' ').all(|w| {
                            let capital = w.starts_with(char::is_uppercase);
                            let w = w.to_lowercase();
                            capital && !crate::analyse::lexicon::is_common_word(&w) && !crate::analyse::lexicon::is_role_core(&w) && !crate::analyse::lexicon::has(crate::analyse::lexicon::HEAD, &w)
                        })
                })
        };
        if at == T::Gpe && cx.is(k + 1, "in") && !is_country(cx, k) && !is_region(cx, k) && town_like() {
            let m = cx.skip_det(k + 2);
            let closes = cx.items.get(m + 1).is_none_or(|i| matches!(i.lower.as_str(), "," | "." | "are" | "is" | "was" | "were" | "and" | "on" | "said" | ";" | ")"));
            if cx.ent(m).is_some_and(|(_, t)| t == T::Gpe) && (is_country(cx, m) || is_region(cx, m)) && closes && !(k > 0 && cx.is(k - 1, ",")) {
                let b = cx.ent(m).unwrap().0;
                cx.emit(a, P::LocatedIn, FactObject::Entity(b), "located.in", (k, m + 1));
            }
        }
        // PLACE's FAC/LOC: "Porto's Liberty Square", "Nordvik's War Cemetery"
        if at == T::Gpe && cx.is(k + 1, "'s") {
            if let Some((f, T::Fac | T::Loc)) = cx.ent(k + 2) {
                cx.emit(f, P::LocatedIn, FactObject::Entity(a), "located.in", (k, k + 3));
            }
        }
        // FAC, CITY: "at the State Guest House, Porto"
        if at == T::Fac && cx.is(k + 1, ",") {
            if let Some((c, T::Gpe)) = cx.ent(k + 2) {
                let closes = cx.items.get(k + 3).is_none_or(|i| matches!(i.lower.as_str(), "," | "." | "and" | "on" | ";" | ")" | "in"));
                // (nor "the Port of X, X County, and the State of Y": partners listed)
                let list = k >= 2 && cx.is(k - 1, ",")
                    || cx.is(k + 3, ",") && cx.ent(k + 4).is_some_and(|(_, t)| t == T::Fac)
                    || cx.is(k + 3, ",") && cx.is(k + 4, "and")
                    || cx.is(k + 3, "and") && cx.ent(cx.skip_det(k + 4)).is_some();
                if closes && !list && place_name(cx, k + 2).is_some() {
                    cx.emit(a, P::LocatedIn, FactObject::Entity(c), "located.comma", (k, k + 3));
                }
            }
        }
    }
    // "A meeting of / between President A and Minister B took place": they met
    for k in 0..n {
        if !(cx.is(k + 1, "of") || cx.is(k + 1, "between")) {
            continue;
        }
        let it = &cx.items[k];
        let word = cx.doc.text(cx.clean, it.tok_start, it.tok_end).to_lowercase();
        if !matches!(word.as_str(), "meeting" | "talks" | "meetings") {
            continue;
        }
        let people = listed_people(cx, k + 2);
        if people.len() == 2 && people[0].0 <= k + 6 {
            let (a, b) = (people[0].1, people[1].1);
            cx.emit(a, P::MetWith, FactObject::Entity(b), "met.meeting_of", (k, people[1].0 + 1));
        }
    }
}

/// "Disaster Research Center (DRC)" defines an acronym; "the ASEAN-United States (U.S.)
/// Summit" goes on after the bracket: neither names where the body is.
fn bracket_defines(cx: &Ctx, k: usize) -> bool {
    let bracket = cx.items.get(k + 2).map(|i| cx.doc.text(cx.clean, i.tok_start, i.tok_end)).unwrap_or_default();
    let initials: String = cx.doc.cand_of(&cx.items[k]).map(|c| c.name.split(' ').filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect()).unwrap_or_default();
    let defined = bracket.chars().all(|c| c.is_uppercase()) && initials.starts_with(&bracket);
    let continues = cx.items.get(k + 4).is_some_and(|i| i.mention().is_some() || cx.doc.text(cx.clean, i.tok_start, i.tok_end).starts_with(char::is_uppercase));
    defined || continues
}

/// Nouns that describe what kind of body a name is: "the Russian company X".
const BODY_NOUNS: &[&str] = &[
    "company", "firm", "conglomerate", "corporation", "group", "bank", "lender", "insurer", "carrier", "airline", "operator", "manufacturer",
    "maker", "producer", "developer", "giant", "startup", "start-up", "retailer", "broadcaster", "university", "institute", "agency", "utility",
    "supplier", "contractor", "exporter", "distributor", "subsidiary", "multinational", "fund", "investor",
];

/// Where a body is: "ORG (COUNTRY)", "the Russian company ORG", "ORG, a firm based in PLACE",
/// "PLACE-based ORG".
fn based_phrases(cx: &mut Ctx) {
    let n = cx.items.len();
    for k in 0..n {
        let Some((o, T::Org)) = cx.ent(k) else { continue };
        // "Nordvik Engineering (South Korea)": a country in brackets after a company
        // (not an acronym defined there, "Disaster Research Center (DRC)", nor inside a
        // longer name, "the ASEAN-United States (U.S.) Summit")
        if cx.is(k + 1, "(") && cx.is(k + 3, ")") && is_country(cx, k + 2) && !bracket_defines(cx, k) {
            if let Some((g, T::Gpe)) = cx.ent(k + 2) {
                cx.emit(o, P::BasedIn, FactObject::Entity(g), "based.paren", (k, k + 4));
            }
        }
        // "the Russian company X", "New Zealand solar power company, X"
        let mut d = k;
        if d > 0 && cx.is(d - 1, ",") {
            d -= 1;
        }
        if d > 0 && BODY_NOUNS.contains(&cx.items[d - 1].lower.as_str()) {
            let mut g = d - 1;
            while g > 0 && d - g < 4 && matches!(cx.items[g - 1].kind, ItemKind::Word) && cx.items[g - 1].lower.chars().all(|c| c.is_lowercase() || c == '-') && !matches!(cx.items[g - 1].lower.as_str(), "the" | "a" | "an" | "and" | "of" | "in" | "with" | "by" | "for" | "to" | "at" | "from" | "between") {
                g -= 1;
            }
            if g > 0 {
                if let Some((c, T::Gpe)) = cx.ent_or_demonym(g - 1) {
                    let country = cx.doc.cand_of(&cx.items[g - 1]).is_some_and(|m| m.adjective || crate::gazetteer::place(m.canonical.as_deref().unwrap_or(&m.name)).is_some_and(|p| p.kind == crate::gazetteer::PlaceKind::Country));
                    // not "Nordvik's company X" owned by someone else, nor "a US and Japanese firm"
                    if country && !cx.is(g, "'s") {
                        cx.emit(o, P::BasedIn, FactObject::Entity(c), "based.descriptor", (g - 1, k + 1));
                    }
                }
            }
        }
        // "X, a global conglomerate based out of Oman", "X is headquartered in Y" — but in
        // "Director of X, is based in Y" and "Director for X based in Y" the person may be
        let complement = k > 0 && matches!(cx.items[cx.skip_back_det(k)].lower.as_str(), "of" | "at" | "for");
        let based = |x: usize| cx.is(x, "based") || cx.is(x, "headquartered");
        let person_may_be = complement && (based(k + 1) || cx.is(k + 1, ",") && (cx.is(k + 2, "is") || cx.is(k + 2, "was")));
        let mut j = k + 1;
        if cx.is(j, ",") || cx.is(j, "is") || cx.is(j, "was") {
            j += 1;
            while j < n && j < k + 9 && !based(j) && !matches!(cx.items[j].lower.as_str(), "," | "." | ";" | "which" | "who" | "and") && cx.items[j].mention().is_none() {
                j += 1;
            }
        }
        if !person_may_be && based(j) {
            let m = if cx.is(j + 1, "in") { Some(j + 2) } else if cx.is(j + 1, "out") && cx.is(j + 2, "of") { Some(j + 3) } else { None };
            if let Some(m) = m.map(|m| cx.skip_det(m)) {
                if let Some((pl, T::Gpe)) = cx.ent(m) {
                    cx.emit(o, P::BasedIn, FactObject::Entity(pl), "based.verb", (k, m + 1));
                }
            }
        }
        // "X, a London-based investment firm", "X, one of the UK's largest banks": an
        // apposition that places the body
        if cx.is(k + 1, ",") {
            let j = if matches!(cx.items.get(k + 2).map(|i| i.lower.as_str()), Some("a" | "an" | "the")) { k + 3 } else { k + 2 };
            let hyphen_based = |x: usize| cx.ent(x).is_some_and(|(_, t)| t == T::Gpe) && (cx.items.get(x).is_some_and(|i| cx.doc.text(cx.clean, i.tok_start, i.tok_end).to_lowercase().ends_with("-based")) || cx.is(x + 1, "-") && cx.is(x + 2, "based"));
            if hyphen_based(j) {
                if let Some((pl, _)) = cx.ent(j) {
                    cx.emit(o, P::BasedIn, FactObject::Entity(pl), "based.verb", (k, j + 1));
                }
            } else if cx.is(k + 2, "one") && cx.is(k + 3, "of") {
                let m = cx.skip_det(k + 4);
                if let (Some((pl, T::Gpe)), true) = (cx.ent(m), cx.is(m + 1, "'s")) {
                    cx.emit(o, P::BasedIn, FactObject::Entity(pl), "based.verb", (k, m + 2));
                }
            }
        }
        // "a Seoul-based X"
        let acronym = cx.doc.cand_of(&cx.items[k]).is_some_and(|c| c.kind == crate::model::MentionKind::Acronym);
        if k >= 3 && cx.is(k - 1, "based") && cx.is(k - 2, "-") && !acronym {
            if let Some((pl, T::Gpe)) = cx.ent(k - 3) {
                cx.emit(o, P::BasedIn, FactObject::Entity(pl), "based.verb", (k - 3, k + 1));
            }
        }
        // (written as one word: "the Seoul-based Hanil Corp")
        if k >= 1 && !acronym && cx.items.get(k - 1).is_some_and(|i| i.tok_end == i.tok_start + 1 && cx.doc.tokens[i.tok_start].text.ends_with("-based")) {
            if let Some((pl, T::Gpe)) = cx.ent(k - 1) {
                cx.emit(o, P::BasedIn, FactObject::Entity(pl), "based.verb", (k - 1, k + 1));
            }
        }
    }
}

/// "Foreign Minister Ana Ruiz (Nordvik)", "Vice President A and Minister of Trade B
/// (Nordvik)": lists of ministers from several countries name each one's country after it.
fn role_paren_country(cx: &mut Ctx) {
    let n = cx.items.len();
    let government = |r: &str| r.split(' ').any(|w| matches!(w, "minister" | "president" | "premier" | "chancellor" | "secretary" | "ambassador" | "vice-president"));
    let mut k = 0;
    while k < n {
        let Some((role, kind)) = role_at(cx, k).filter(|(r, _)| government(r)) else {
            k += 1;
            continue;
        };
        let Some((pi, person)) = cx.person_at(k + 1) else {
            k += 1;
            continue;
        };
        let mut people = vec![(role, kind, person, k)];
        let mut x = pi + 1;
        // "... and Minister of Trade B (Nordvik)": the country closes both
        if cx.is(x, "and") {
            if let Some((r2, k2)) = role_at(cx, x + 1).filter(|(r, _)| government(r)) {
                // (after its portfolio: "and Minister of Environment and Sustainable Development Y")
                let second = cx.person_at(x + 2).or_else(|| person_after_portfolio(cx, x + 2).and_then(|(s, _)| cx.person_at(s)));
                if let Some((p2, person2)) = second {
                    people.push((r2, k2, person2, x + 1));
                    x = p2 + 1;
                }
            }
        }
        let country = (cx.is(x, "(") && cx.is(x + 2, ")")).then(|| cx.ent(x + 1)).flatten().filter(|&(_, t)| t == T::Gpe);
        if let Some(g) = country {
            for (role, kind, person, at) in people {
                let stated = cx.facts.iter().any(|f| f.subject == person && matches!(f.predicate, P::Heads | P::WorksFor | P::Represents));
                if !stated {
                    cx.role_fact(person, kind, &role, g, "role.paren_country", (at, x + 3));
                }
            }
        }
        k = x.max(k + 1);
    }
}

/// For a role at `k`: "ROLE of the X" / "ROLE to X" / "ROLE at X" → (target entity, index after it).
fn role_target(cx: &Ctx, k: usize) -> (Option<(usize, T)>, usize) {
    let mut j = k + 1;
    // "Minister of Foreign Affairs of Ghana": a portfolio of words, then the country
    if cx.is(j, "of") && cx.ent(j + 1).is_none() {
        let word = |x: usize| matches!(cx.items[x].kind, ItemKind::Word) && cx.items[x].lower.chars().all(|c| c.is_alphabetic() || c == '-' || c == '&') && !matches!(cx.items[x].lower.as_str(), "the" | "of" | "in" | "at" | "to" | "for" | "by" | "with" | "from" | "as" | "who" | "which" | "that" | "said");
        let end = (j + 1..(j + 8).min(cx.items.len())).find(|&x| !(word(x) || cx.is(x, ",") && x + 1 < cx.items.len() && word(x + 1)));
        if let Some(o) = end.filter(|&o| o > j + 1 && cx.is(o, "of")) {
            let g = cx.skip_det(o + 1);
            if let Some((e, T::Gpe)) = cx.ent(g) {
                return (Some((e, T::Gpe)), g + 1);
            }
        }
    }
    if cx.is(j, "of") || cx.is(j, "at") {
        j = cx.skip_to_name(j + 1);
        if let Some((e, t)) = cx.ent(j) {
            // "the board chairman of Azerbaijan's State News Agency X": the organisation
            if t == T::Gpe && cx.is(j + 1, "'s") {
                if let Some((o, T::Org)) = cx.ent(j + 2) {
                    return (Some((o, T::Org)), j + 3);
                }
            }
            // "Senior Director of Baltic Affairs at the Security Council X": a portfolio
            // (a name with no head word) inside the body named after it
            if t == T::Org && !org_headed(cx, j) && (cx.is(j + 1, "at") || cx.is(j + 1, "in")) {
                let m = cx.skip_det(j + 2);
                if let Some((o, T::Org)) = cx.ent(m) {
                    return (Some((o, T::Org)), m + 1);
                }
            }
            // "Ambassador of Brazil to Kenya", "Permanent Representative of Ghana to the
            // United Nations": the post is the first country's, wherever it is held
            if t == T::Gpe && cx.is(j + 1, "to") {
                let g = cx.skip_det(j + 2);
                // (not "… to Australia & Dr. B", a guest list's "A, Title & spouse": the
                // tokenizer keeps no "&" item, the text has it)
                let ampersand = || {
                    let from = cx.doc.tokens[cx.items[g].tok_end - 1].end;
                    let to = cx.items.get(g + 1).map_or(from, |i| cx.doc.tokens[i.tok_start].start);
                    cx.clean.get(from..to).is_some_and(|t| t.contains('&'))
                };
                if cx.ent(g).is_some_and(|(_, t)| matches!(t, T::Gpe | T::Org)) && !ampersand() {
                    return (Some((e, t)), g + 1);
                }
            }
            if matches!(t, T::Org | T::Gpe | T::Group) {
                return (Some((e, t)), j + 1);
            }
        }
    }
    // "Assistant Secretary of State for Trade in the Bureau of X": a title held in a body
    if cx.is(k + 1, "in") && cx.is(k + 2, "the") {
        if let Some((o, T::Org)) = cx.ent(k + 3) {
            return (Some((o, T::Org)), k + 4);
        }
    }
    if cx.is(k + 1, "to") {
        if let Some((e, t)) = cx.ent(cx.skip_det(k + 2)) {
            if t == T::Gpe {
                return (Some((e, t)), cx.skip_det(k + 2) + 1);
            }
        }
    }
    (None, k + 1)
}

/// Whether the organisation at item `k` is a body that has a home, not a programme, a
/// partnership or a plan that merely concerns a place.
fn homed_body(cx: &Ctx, k: usize) -> bool {
    cx.doc.cand_of(&cx.items[k]).is_some_and(|c| {
        !c.name.split(' ').any(|w| matches!(w.to_lowercase().as_str(), "partnership" | "initiative" | "program" | "programme" | "grant" | "grants" | "plan" | "strategy" | "dialogue" | "compact" | "framework" | "corridor"))
    })
}

/// Whether the organisation named at item `k` has a head word ("Council", "Ministry"); a
/// name without one after a title is a portfolio ("Trade Planning", "Baltic Affairs").
fn org_headed(cx: &Ctx, k: usize) -> bool {
    cx.doc.cand_of(&cx.items[k]).is_some_and(|c| c.name.split(' ').any(|w| crate::analyse::lexicon::has(crate::analyse::lexicon::HEAD, &w.to_lowercase())))
}

impl Ctx<'_> {
    /// A person's mention at item `j`, behind honorifics: "Dr. X", "Hon'ble X", "H.E. Mr. X".
    fn person_at(&self, j: usize) -> Option<(usize, usize)> {
        let mut j = j;
        for _ in 0..4 {
            let Some(it) = self.items.get(j) else { return None };
            let w = it.lower.as_str();
            let title = matches!(it.kind, ItemKind::Word | ItemKind::Punct)
                && (crate::analyse::lexicon::is_honorific(w) || matches!(w, "." | "hon'ble" | "hon’ble" | "hon" | "honourable" | "honorable" | "h.e" | "h.e." | "excellency" | "his" | "her" | "shri" | "smt" | "mr" | "mrs" | "ms"));
            if !title {
                break;
            }
            j += 1;
        }
        match self.ent(j) {
            Some((e, T::Person)) => Some((j, e)),
            _ => None,
        }
    }

    /// The person a title chain at `j` ends in: "Social Development Deputy Minister Jane
    /// Roe", "Acme's chief executive Jane Roe" (capitalised words, roles, bodies and places
    /// of the title, "of", "the", "'s"; at most six items).
    fn titled_person_at(&self, j: usize) -> Option<(usize, usize)> {
        let j = self.skip_det(j);
        for x in j..(j + 7).min(self.items.len()) {
            match self.ent(x) {
                Some((e, T::Person)) => return Some((x, e)),
                Some((_, T::Org | T::Gpe)) => continue,
                Some(_) => return None,
                None => {}
            }
            let it = &self.items[x];
            let cap = matches!(it.kind, ItemKind::Word) && self.doc.tokens.get(it.tok_start).is_some_and(|t| t.is_cap());
            if !(it.role().is_some() || cap || matches!(it.lower.as_str(), "of" | "the" | "'s" | "and")) {
                return None;
            }
        }
        None
    }

    /// People joined to the subject at `si` before the verb at `k`: "Secretary A and
    /// Minister B visited ...".
    fn coordinated_people(&self, si: usize, k: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut j = si + 1;
        while j < k && self.is(j, "and") {
            let mut x = j + 1;
            while x < k && (self.items[x].role().is_some() || self.ent_or_demonym(x).is_some_and(|(_, t)| t == T::Gpe) && self.items.get(x + 1).is_some_and(|i| i.role().is_some())) {
                // "and U.S. Ambassador to Mexico B": the title's target, then the person
                if self.items[x].role().is_some() && !self.items.get(x + 1).is_some_and(|i| i.role().is_some()) {
                    let (target, after) = role_target(self, x);
                    if target.is_some() && after < k && self.person_at(after).is_some() {
                        x = after;
                        break;
                    }
                }
                x += 1;
            }
            match self.person_at(x) {
                Some((pi, p)) if pi < k => {
                    out.push((pi, p));
                    j = pi + 1;
                }
                _ => break,
            }
        }
        // only a subject that ends right before the verb (or its auxiliaries)
        if (j..k).any(|x| !matches!(self.items[x].lower.as_str(), "also" | "then" | "later" | "have" | "had" | "has" | "jointly" | "together" | "both" | "officially")) {
            return Vec::new();
        }
        out
    }

    fn doc_name(&self, e: usize) -> String {
        self.doc.cands.iter().find(|c| c.entity == e).map(|c| c.name.clone()).unwrap_or_default()
    }
    /// The organisation a person was said to head earlier in this sentence or article.
    fn doc_led_by(&self, person: usize) -> Option<usize> {
        self.facts.iter().rev().find(|f| f.subject == person && f.predicate == P::Heads).and_then(|f| match f.object {
            FactObject::Entity(o) => Some(o),
            _ => None,
        }).or_else(|| self.doc_heads_earlier(person))
    }
    fn doc_heads_earlier(&self, person: usize) -> Option<usize> {
        // Look back through earlier sentences for "ORG ROLE PERSON" with a top role.
        for si in (0..self.si).rev() {
            let items = &self.doc.items[si];
            for k in 1..items.len().saturating_sub(1) {
                let Some(r) = items[k].role() else { continue };
                if r.kind != RoleKind::Top {
                    continue;
                }
                if self.doc.entity_of(&items[k + 1]) == Some(person) {
                    if let Some(c) = self.doc.cand_of(&items[k - 1]).filter(|c| c.etype == T::Org) {
                        if c.entity != usize::MAX {
                            return Some(c.entity);
                        }
                    }
                }
            }
        }
        None
    }
}

/// "A delegation headed by PERSON" / "led by".
fn headed_by(cx: &mut Ctx) {
    for k in 0..cx.items.len() {
        if !(cx.is(k, "headed") || cx.is(k, "led")) || !cx.is(k + 1, "by") {
            continue;
        }
        // "The delegation, headed by", "the delegation was headed by"
        let mut g_at = k.saturating_sub(1);
        while g_at > 0 && matches!(cx.items[g_at].lower.as_str(), "was" | "is" | "were" | "are" | "been" | "has" | "," | "being") && g_at + 3 > k {
            g_at -= 1;
        }
        let Some((g, gt)) = (k > 0).then(|| cx.ent(g_at)).flatten() else { continue };
        if !matches!(gt, T::Group | T::Org) {
            continue;
        }
        if let Some((pi, p)) = cx.person_at(k + 2).or_else(|| title_chain_person(cx, k + 2)) {
            if let Some(f) = cx.emit(p, P::Heads, FactObject::Entity(g), "role.headed_by", (g_at, pi + 1)) {
                f.role = Some("head".into());
            }
        }
    }
}

/// "Deputy Head of the Office of the Prime Minister Paul Renard": the person after a title chain.
fn title_chain_person(cx: &Ctx, j: usize) -> Option<(usize, usize)> {
    let mut x = j;
    while x < cx.items.len() && x < j + 8 {
        if let Some(p) = cx.person_at(x) {
            return Some(p);
        }
        let it = &cx.items[x];
        let in_chain = it.role().is_some() || matches!(it.lower.as_str(), "of" | "the" | "for" | "and") || cx.ent(x).is_some_and(|(_, t)| matches!(t, T::Org | T::Gpe));
        if !in_chain {
            return None;
        }
        x += 1;
    }
    None
}

const ATTEND_VERBS: &[&str] = &[
    "take part in", "takes part in", "took part in", "taking part in", "taken part in",
    "participate in", "participates in", "participated in", "participating in",
    "attend", "attends", "attended", "attending", "join", "joined", "joins",
    "participation in", "attendance at", "presence at",
];

/// A verb list indexed by first word, built on first use: one hash lookup per word
/// instead of a scan of every phrase.
struct Verbs {
    list: &'static [&'static str],
    /// This list's bit in `verb_starts`.
    bit: u8,
    index: std::sync::OnceLock<FastMap<&'static str, Vec<&'static str>>>,
}

impl Verbs {
    const fn new(list: &'static [&'static str], bit: u8) -> Self {
        Verbs { list, bit, index: std::sync::OnceLock::new() }
    }
    fn phrases(&self, first: &str) -> Option<&Vec<&'static str>> {
        self.index
            .get_or_init(|| {
                let mut m: FastMap<&'static str, Vec<&'static str>> = FastMap::default();
                for v in self.list {
                    m.entry(v.split(' ').next().unwrap_or(v)).or_default().push(v);
                }
                m
            })
            .get(first)
    }
}

static ATTEND: Verbs = Verbs::new(ATTEND_VERBS, 1);
static PLACE: Verbs = Verbs::new(PLACE_VERBS, 2);
static MET: Verbs = Verbs::new(MET_VERBS, 4);
static VISIT: Verbs = Verbs::new(VISIT_VERBS, 8);

/// For each item, the bits of the verb lists with a phrase starting with its word: one
/// lookup per item serves every rule that looks for verbs.
fn verb_starts(items: &[Item]) -> Vec<u8> {
    static FIRST: std::sync::OnceLock<FastMap<&'static str, u8>> = std::sync::OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut m: FastMap<&'static str, u8> = FastMap::default();
        for verbs in [&ATTEND, &PLACE, &MET, &VISIT] {
            for v in verbs.list {
                *m.entry(v.split(' ').next().unwrap_or(v)).or_default() |= verbs.bit;
            }
        }
        m
    });
    items.iter().map(|i| if i.lower.is_empty() { 0 } else { first.get(i.lower.as_str()).copied().unwrap_or(0) }).collect()
}

/// The longest phrase of `verbs` starting at item `k`; returns the index after it.
fn verb_at(cx: &Ctx, k: usize, verbs: &Verbs) -> Option<usize> {
    let first = cx.items.get(k)?.lower.as_str();
    if cx.verb_starts.get_or_init(|| verb_starts(cx.items))[k] & verbs.bit == 0 {
        return None;
    }
    verbs.phrases(first)?.iter().filter_map(|v| cx.words_at(k, v).or_else(|| words_with_adverbs(cx, k, v))).max()
}

/// Adverbs news puts inside a verb phrase: "met today with", "took part actively in".
fn is_adverb(w: &str) -> bool {
    matches!(w, "today" | "yesterday" | "also" | "then" | "later" | "again" | "recently" | "earlier" | "subsequently")
        || w.len() > 4 && w.ends_with("ly") && !matches!(w, "italy" | "family" | "assembly" | "july" | "supply" | "rally" | "ally")
}

/// `words_at`, letting up to two adverbs stand after each word of the phrase.
fn words_with_adverbs(cx: &Ctx, k: usize, phrase: &str) -> Option<usize> {
    let mut j = k;
    for (n, w) in phrase.split(' ').enumerate() {
        if n > 0 {
            let mut skipped = 0;
            while skipped < 2 && !cx.is(j, w) && cx.items.get(j).is_some_and(|i| matches!(i.kind, ItemKind::Word) && is_adverb(&i.lower)) {
                j += 1;
                skipped += 1;
            }
        }
        if !cx.is(j, w) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

fn attend(cx: &mut Ctx) {
    for k in 0..cx.items.len() {
        let Some(after) = verb_at(cx, k, &ATTEND) else { continue };
        // "the countries participating in X" is not a statement of attendance by a named agent
        if k > 0 && cx.is(k - 1, "countries") {
            continue;
        }
        // "was attended by" is the passive rule's
        if cx.is(after, "by") {
            continue;
        }
        let objs = cx.objects_after(after, &[T::Event], 8);
        let Some(&(oi, ev)) = objs.first() else { continue };
        // "took part in a discussion": a bare generic noun names no event worth a fact
        if cx.doc.cands.iter().filter(|c| c.entity == ev && matches!(c.kind, crate::model::MentionKind::Name | crate::model::MentionKind::Description)).all(|c| !c.name.contains(' ') && c.name.chars().next().is_some_and(|x| x.is_lowercase())) {
            continue;
        }
        if let Some((si, subj)) = cx.subject_before(k, AGENTS) {
            cx.emit(subj, P::Attended, FactObject::Entity(ev), "attend.verb", (si.min(k), oi + 1));
            for (pi, p) in cx.coordinated_people(si, k) {
                cx.emit(p, P::Attended, FactObject::Entity(ev), "attend.verb", (si.min(k), oi.max(pi) + 1));
            }
            // "participates in a ribbon-cutting ceremony with Governor X and CEO Y"
            // (past "in Nordvik on Wednesday")
            let mut j = oi + 1;
            while j < cx.items.len() && j < oi + 8 && !cx.is(j, "with") && (matches!(cx.items[j].kind, ItemKind::Word) || cx.ent(j).is_some_and(|(_, t)| PLACES.contains(&t))) && !matches!(cx.items[j].lower.as_str(), "and" | "which" | "that" | "who" | "where") {
                j += 1;
            }
            if cx.is(j, "with") {
                for (pi, p) in listed_people(cx, j + 1) {
                    cx.emit(p, P::Attended, FactObject::Entity(ev), "attend.verb", (si.min(k), pi + 1));
                }
            }
        }
    }
}

/// Attendance said around an event: "visited Nordvik on the occasion of / on the sidelines
/// of EVENT", "a festival featuring five artists: A, B and C", "hosts a roundtable with
/// investors, including A, B and C".
fn attend_around(cx: &mut Ctx) {
    let n = cx.items.len();
    for k in 0..n {
        // "on the occasion of", "on the sidelines of", "on the margins of"
        if cx.is(k, "on") && cx.is(k + 1, "the") && matches!(cx.items.get(k + 2).map(|i| i.lower.as_str()), Some("occasion" | "sidelines" | "margins" | "margin" | "sideline")) && cx.is(k + 3, "of") {
            let o = cx.skip_to_name(k + 4);
            if let Some((ev, T::Event)) = cx.ent(o) {
                // the clause's subject, not an object before it ("met with X on the margins")
                let subject = cx.subject_before(k, AGENTS).filter(|&(si, _)| !(0..si).any(|x| matches!(cx.items[x].lower.as_str(), "with" | "met" | "by" | "received" | "hosted")));
                if let Some((si, subj)) = subject {
                    cx.emit(subj, P::Attended, FactObject::Entity(ev), "attend.occasion", (si, o + 1));
                }
            }
            continue;
        }
        let Some((ev, T::Event)) = cx.ent(k) else { continue };
        let mut j = k + 1;
        if cx.is(j, ",") {
            j += 1;
        }
        // "EVENT featuring A, B and C" / "a festival featuring five artists: A, B"
        let featuring = (j..(j + 4).min(n)).find(|&x| matches!(cx.items[x].lower.as_str(), "featuring" | "featured")).filter(|&x| (j..x).all(|y| matches!(cx.items[y].kind, ItemKind::Word)));
        // "a roundtable with some of the biggest investors in the world, including A, B"
        let including = cx.is(j, "with").then(|| (j + 1..(j + 14).min(n)).find(|&x| cx.is(x, "including"))).flatten().filter(|&x| (j + 1..x).all(|y| cx.items[y].mention().is_none() || cx.ent(y).is_some_and(|(_, t)| PLACES.contains(&t))));
        let Some(from) = featuring.or(including) else { continue };
        let mut x = from + 1;
        // "five artists:"
        if let Some(c) = (x..(x + 3).min(n)).find(|&y| cx.is(y, ":")) {
            if (x..c).all(|y| matches!(cx.items[y].kind, ItemKind::Word)) {
                x = c + 1;
            }
        }
        let rule = if featuring.is_some() { "attend.featuring" } else { "attend.including" };
        let mut last = None;
        while x < n {
            if let Some((e, t)) = cx.ent(x) {
                if !matches!(t, T::Person | T::Org | T::Group) {
                    break;
                }
                cx.emit(e, P::Attended, FactObject::Entity(ev), rule, (k, x + 1));
                last = Some(x);
                x += 1;
                continue;
            }
            if matches!(cx.items[x].lower.as_str(), "," | "and" | "the" | "&") && last.is_none_or(|l| x <= l + 3) {
                x += 1;
                continue;
            }
            // a name the analysis did not type ("including Schroders, M&G and ...") keeps the
            // list going
            let it = &cx.items[x];
            let capital = matches!(it.kind, ItemKind::Word | ItemKind::Mention(_)) && cx.doc.text(cx.clean, it.tok_start, it.tok_end).starts_with(char::is_uppercase);
            if capital && (cx.is(x + 1, ",") || cx.is(x + 1, "and")) {
                last = Some(x);
                x += 1;
                continue;
            }
            break;
        }
    }
}

/// People listed from item `j`, each perhaps behind a title: "Governor X (left), CEO Y
/// and Vice President of Z W". Stops at the first item that is no part of such a list.
fn listed_people(cx: &Ctx, j: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // a list of guests runs at most this far
    let n = cx.items.len().min(j + 60);
    let mut j = j;
    // inside a title after a person ("X, Minister for Trade and Industry, and Y"): its
    // portfolio's names and words are part of it
    let mut titled = false;
    // after "to"/"for" in such a title the person is whose the post is: "X, Chief of Cabinet
    // for Commission President Y", "X, Chief Advisor, to President Y"
    let mut possessor = false;
    while j < n {
        if let Some((e, t)) = cx.ent(j) {
            if t == T::Person {
                if !possessor {
                    out.push((j, e));
                }
                titled = false;
                possessor = false;
            } else if !(titled || cx.items.get(j + 1).is_some_and(|i| i.role().is_some()) || j > 0 && (cx.is(j - 1, "of") || cx.is(j - 1, "to"))) {
                break;
            }
            j += 1;
            continue;
        }
        // "Bolivian President B": a demonym before a title
        if cx.ent_or_demonym(j).is_some_and(|(_, t)| t == T::Gpe) && cx.items.get(j + 1).is_some_and(|i| i.role().is_some()) {
            j += 1;
            continue;
        }
        let w = cx.items[j].lower.as_str();
        if cx.items[j].role().is_some() {
            titled = true;
        }
        if titled && matches!(w, "to" | "for") {
            possessor = true;
        } else if matches!(w, "," | "and") {
            possessor = false;
        }
        let ok = cx.items[j].role().is_some() || matches!(w, "," | "and" | "the" | "of" | "to" | "for" | "(" | ")" | "left" | "right" | "center" | "centre" | "mr" | "mrs" | "ms" | "dr" | "h.e" | "h.e." | "hon'ble" | "." | "as" | "well");
        if !ok {
            break;
        }
        j += 1;
    }
    out
}

/// "EVENT is attended by delegations from A, B and C, as well as observers from D and E",
/// "The forum saw the participation of A and B".
fn attend_passive(cx: &mut Ctx) {
    for k in 0..cx.items.len() {
        // (those who chair a session attend it: "The session was co-chaired by A and B")
        let by = (cx.is(k, "attended") || cx.is(k, "chaired") || cx.is(k, "co-chaired") || cx.is(k, "cochaired")) && cx.is(k + 1, "by");
        // "The meeting witnessed (the) participation of / saw the attendance of A, B and C"
        let noun = if matches!(cx.items[k].lower.as_str(), "witnessed" | "saw" | "sees" | "witnesses") { Some(cx.skip_det(k + 1)) } else { None };
        let witnessed = noun.filter(|&x| matches!(cx.items.get(x).map(|i| i.lower.as_str()), Some("participation" | "attendance" | "presence")) && (cx.is(x + 1, "of") || cx.is(x + 1, "from") || cx.is(x + 1, "by")));
        if !by && witnessed.is_none() {
            continue;
        }
        let Some((ei, ev)) = cx.subject_before(k, &[T::Event]) else { continue };
        let mut j = witnessed.map_or(k + 2, |x| x + 2);
        // "... by / participation from key Nordic institutions including A, B": the class
        // before the list
        let plain = |x: usize| matches!(cx.items[x].kind, ItemKind::Word) || cx.ent_or_demonym(x).is_some_and(|(_, t)| t == T::Gpe) && cx.ent(x).is_none();
        if let Some(x) = (j + 1..(j + 6).min(cx.items.len())).find(|&x| cx.is(x, "including") || cx.is(x, "such") && cx.is(x + 1, "as")) {
            if (j..x).all(plain) {
                j = if cx.is(x, "such") { x + 2 } else { x + 1 };
            }
        }
        let mut pred = P::Attended;
        // inside a guest's title, since its role word and until their name
        let mut titled = false;
        while j < cx.items.len() {
            // "delegations from", "representatives of", "observers from"
            let w = cx.items[j].lower.clone();
            if matches!(w.as_str(), "delegations" | "representatives" | "participants" | "officials" | "guests" | "observers" | "delegates") {
                if w == "observers" {
                    pred = P::ObserverAt;
                }
                if cx.is(j + 1, "from") || cx.is(j + 1, "of") {
                    j += 2;
                    continue;
                }
            }
            if let Some((e, t)) = cx.ent(j) {
                // "Governor of Northern Province X": the place of a title attends nothing
                let in_title = titled || j > 0 && (cx.is(j - 1, "of") || cx.is(j - 1, "to")) || cx.items.get(j + 1).is_some_and(|i| i.role().is_some());
                if AGENTS.contains(&t) && (!in_title || t == T::Person) {
                    let rule = "attend.passive";
                    cx.emit(e, pred, FactObject::Entity(ev), rule, (ei, j + 1));
                }
                if t == T::Person {
                    titled = false;
                }
                j += 1;
                continue;
            }
            // a list of titled guests: "Minister of Fisheries, Aquatic and Ocean Resources
            // Hon'ble X, Governor of Y Z": inside a title its portfolio words are skipped too
            if cx.items[j].role().is_some() {
                titled = true;
            }
            let portfolio_word = titled && matches!(cx.items[j].kind, ItemKind::Word) && !matches!(w.as_str(), "said" | "who" | "which" | "were" | "was" | "is" | "are" | "has" | "have");
            // "municipal Commissioner of X": a word before a role word begins the next title
            let title_modifier = matches!(cx.items[j].kind, ItemKind::Word) && cx.items.get(j + 1).is_some_and(|i| i.role().is_some()) && w.chars().all(|c| c.is_alphabetic() || c == '-');
            let title_word = portfolio_word || title_modifier || cx.items[j].role().is_some() || matches!(w.as_str(), "of" | "to" | "for" | "&" | "." | "mr" | "mrs" | "ms" | "dr" | "hon'ble" | "hon’ble" | "honourable" | "h.e" | "h.e." | "shri" | "prof");
            if matches!(w.as_str(), "," | "and" | "as" | "well" | "the" | "also") || title_word || titled && matches!(w.as_str(), "(" | ")") {
                j += 1;
                continue;
            }
            break;
        }
    }
}

const PLACE_VERBS: &[&str] = &[
    "is taking place", "are taking place", "was taking place", "took place", "takes place", "take place",
    "is held", "was held", "were held", "is being held", "will be held", "will take place", "held",
    "is under way", "opened", "kicked off", "began", "begins", "started", "continues", "continued",
];

/// Where and when an event took place.
fn held(cx: &mut Ctx) {
    let n = cx.items.len();
    for k in 0..n {
        let Some(after) = verb_at(cx, k, &PLACE) else { continue };
        if cx.is(k, "held") && (k == 0 || !cx.is(k - 1, ",") && cx.ent(k - 1).is_none_or(|(_, t)| t != T::Event)) {
            // "held" alone must directly follow its event ("a forum held in Baku")
            continue;
        }
        let relative = k > 0 && cx.is(k - 1, "which") || k > 1 && cx.is(k - 2, "which");
        let rule_place = if relative { "held.relative" } else { "held.took_place" };
        let Some((ei, ev)) = cx.subject_before(k, &[T::Event]) else { continue };
        let ongoing = cx.items[k].lower == "is" || cx.items[k].lower == "are";
        let tense = if cx.items[k].lower == "will" { Tense::Future } else if ongoing { Tense::Present } else { Tense::Past };
        // Scan the rest of the clause for "in/at PLACE" and "on/in DATE".
        let mut j = after;
        let mut dated = false;
        while j < n && !cx.is(j, ";") && !cx.is(j, ".") {
            if cx.is(j, "in") || cx.is(j, "at") {
                let mut m = cx.skip_det(j + 1);
                if let Some(x) = cx.words_at(m, "city of") {
                    m = x;
                }
                if let Some((p, t)) = cx.ent(m) {
                    if PLACES.contains(&t) {
                        cx.emit(ev, P::HeldIn, FactObject::Entity(p), rule_place, (ei, m + 1));
                        // "in our capital, the city of X": the apposition names the same place
                        j = m + 1;
                        continue;
                    }
                    if t == T::Org {
                        // "took place at Xinhua": the organisation's premises
                        j = m + 1;
                        continue;
                    }
                }
                // "in our cultural capital, the city of Varna"
                if let Some(comma) = (m..(m + 6).min(n)).find(|&x| cx.is(x, ",")) {
                    let mut q = cx.skip_det(comma + 1);
                    if let Some(x) = cx.words_at(q, "city of") {
                        q = x;
                    }
                    if let Some((p, T::Gpe)) = cx.ent(q) {
                        if cx.items[m..comma].iter().all(|i| i.mention().is_none()) {
                            cx.emit(ev, P::HeldIn, FactObject::Entity(p), rule_place, (ei, q + 1));
                        }
                    }
                }
            }
            if cx.is(j, "on") || cx.is(j, "in") || cx.is(j, "from") {
                if let Some((iso, used)) = date_at(cx, j + 1, tense) {
                    cx.emit(ev, P::HeldOn, FactObject::Date(iso), rule_place, (ei, j + 1 + used));
                    dated = true;
                    j += 1 + used;
                    continue;
                }
            }
            if matches!(cx.items[j].kind, ItemKind::Mention(_)) && cx.ent(j).is_some_and(|(_, t)| !PLACES.contains(&t)) && j > after + 8 {
                break;
            }
            j += 1;
        }
        if ongoing && !dated {
            if let Some(p) = cx.doc.published.clone() {
                cx.emit(ev, P::HeldOn, FactObject::Date(p), "held.ongoing", (ei, after));
            }
        }
    }
    // "Both ministers held a joint press conference at the Grand Hotel in Porto",
    // "the Ministry hosted a reception at the Embassy": the event a verb creates, and where
    for k in 0..n {
        let w = cx.items[k].lower.clone();
        let w = w.as_str();
        let hosts = matches!(w, "hosted" | "hosts" | "co-hosted" | "co-hosts" | "organized" | "organised" | "co-organized" | "co-organised" | "convened" | "convenes");
        let kicked = w == "kicked" && cx.is(k + 1, "off");
        if !(hosts || kicked || matches!(w, "held" | "holds" | "staged")) || cx.is(k + 1, "by") || k == 0 || cx.ent(k - 1).is_some_and(|(_, t)| t == T::Event) {
            continue;
        }
        let tense = if w.ends_with('s') { Tense::Present } else { Tense::Past };
        // "kicked off on Monday the second edition of X": a date may come before the object
        let mut o = k + 1 + usize::from(kicked);
        let mut date = None;
        if cx.is(o, "on") {
            if let Some((iso, used)) = date_at(cx, o + 1, tense) {
                date = Some(iso);
                o += 1 + used;
            }
        }
        let mut o = cx.skip_to_name(o);
        // "the second edition of X", "the opening session of X"
        if cx.ent(o).is_none() {
            if let Some(x) = (o..(o + 4).min(n)).find(|&x| cx.is(x, "of")).filter(|&x| (o..x).all(|y| matches!(cx.items[y].kind, ItemKind::Word))) {
                if (o..x).any(|y| matches!(cx.items[y].lower.as_str(), "edition" | "session" | "round" | "meeting" | "opening" | "sitting")) {
                    o = cx.skip_to_name(x + 1);
                }
            }
        }
        let Some((ev, T::Event)) = cx.ent(o) else { continue };
        let mut j = o + 1;
        while cx.is(j, "at") || cx.is(j, "in") {
            let m = cx.skip_to_name(j + 1);
            let Some((p, t)) = cx.ent(m).filter(|(_, t)| PLACES.contains(t) || *t == T::Org) else { break };
            if t != T::Org {
                cx.emit(ev, P::HeldIn, FactObject::Entity(p), "held.verb_object", (k, m + 1));
            }
            j = m + 1;
            if cx.is(j, ",") && cx.ent(j + 1).is_some_and(|(_, t)| t == T::Gpe) {
                j += 1;
            }
        }
        // "... on 3 May", "today", "this morning": when
        if date.is_none() && cx.is(j, "on") {
            date = date_at(cx, j + 1, tense).map(|(iso, _)| iso);
        }
        let today = |x: usize| cx.is(x, "today") || cx.is(x, "this") && matches!(cx.items.get(x + 1).map(|i| i.lower.as_str()), Some("morning" | "afternoon" | "evening"));
        // ("Today, the Minister and the Mayor co-hosted X": the sentence opens with when)
        if date.is_none() && (today(j) || k >= 1 && cx.is(k - 1, "today") || k >= 2 && today(k - 2) || today(0) && !cx.is(1, "'s")) {
            date = cx.doc.published.clone();
        }
        if let Some(iso) = date {
            cx.emit(ev, P::HeldOn, FactObject::Date(iso), "held.verb_object", (k, j));
        }
        // "Acme Foundation kicked off / staged the second edition of X": a body that opens or
        // stages an event runs it (a person opening one may be a guest)
        let org_runs = (kicked || w == "staged") && cx.subject_before(k, &[T::Org, T::Gpe, T::Person]).is_some_and(|(si, _)| cx.ent(si).is_some_and(|(_, t)| t == T::Org));
        if hosts || org_runs {
            if let Some((si, host)) = cx.subject_before(k, &[T::Org, T::Gpe, T::Person]) {
                // "the President of the Commission, Ana Ruiz, and the head of the Fund, Tom
                // Lee, co-hosted X": the people named after the bodies' titles host it
                let titled = |x: usize| cx.is(x, ",") && x >= 2 && (x.saturating_sub(4)..x).any(|y| cx.items[y].role().is_some());
                let people: Vec<(usize, usize)> = if cx.ent(si).is_some_and(|(_, t)| t != T::Person) && titled(si + 1) && cx.ent(si + 2).is_some_and(|(_, t)| t == T::Person) {
                    (si + 2..k).filter(|&x| cx.ent(x).is_some_and(|(_, t)| t == T::Person) && titled(x - 1)).filter_map(|x| cx.ent(x).map(|(e, _)| (x, e))).collect()
                } else {
                    vec![(si, host)]
                };
                for (pi, h) in people {
                    cx.emit(ev, P::OrganizedBy, FactObject::Entity(h), "held.verb_object", (pi, o + 1));
                }
            }
        }
    }
    // EVENT in PLACE / EVENT on DATE, right after the event's name.
    for k in 0..n {
        let Some((ev, T::Event)) = cx.ent(k) else { continue };
        let mut j = k + 1;
        if cx.is_quote(j) {
            j += 1;
        }
        // "a summit in Nordvik on Wednesday", "COP30 in Belem in November 2025", "the
        // ceremony at the Town Hall, Lisbon on 3 May": the date may follow the place
        let mut d = j;
        if cx.is(j, "in") || cx.is(j, "at") {
            let mut m = cx.skip_det(j + 1);
            if let Some(x) = cx.words_at(m, "city of") {
                m = x;
            }
            if let Some((p, t)) = cx.ent(m) {
                if matches!(t, T::Gpe) && cx.is(j, "in") {
                    cx.emit(ev, P::HeldIn, FactObject::Entity(p), "held.event_in_place", (k, m + 1));
                }
                if PLACES.contains(&t) || t == T::Org {
                    d = m + 1;
                    if cx.is(d, ",") && cx.ent(d + 1).is_some_and(|(_, t)| t == T::Gpe) {
                        d += 2;
                    }
                }
            }
        }
        // "9th Session of the Joint Commission, Stockholm, 19-20 October 2015": a communiqué's
        // or programme's heading gives the event's place and dates after commas
        if cx.is(j, ",") && cx.is(j + 2, ",") {
            if let Some((p, T::Gpe)) = cx.ent(j + 1).filter(|_| !is_country(cx, j + 1)) {
                if let Some((iso, used)) = date_at(cx, j + 3, Tense::Present) {
                    cx.emit(ev, P::HeldIn, FactObject::Entity(p), "held.event_comma_place", (k, j + 2));
                    cx.emit(ev, P::HeldOn, FactObject::Date(iso), "held.event_comma_place", (k, j + 3 + used));
                    continue;
                }
            }
        }
        for j in [j, d] {
            if !(cx.is(j, "on") || cx.is(j, "in")) {
                continue;
            }
            if let Some((iso, used)) = date_at(cx, j + 1, Tense::Present) {
                cx.emit(ev, P::HeldOn, FactObject::Date(iso), "held.event_on_date", (k, j + 1 + used));
                break;
            }
        }
    }
}

/// A date expression at item `k`.
fn date_at(cx: &Ctx, k: usize, tense: Tense) -> Option<(String, usize)> {
    let words: Vec<&str> = cx.items[k.min(cx.items.len())..(k + 6).min(cx.items.len())].iter().map(|i| i.lower.as_str()).collect();
    let words: Vec<&str> = words.into_iter().map(|w| if w == "-" { "-" } else { w }).collect();
    dates::read(&words, cx.doc.published.as_deref(), tense)
}

/// Where places are: "Kazan, Russia", "the monument in the park", "in X there is Y".
fn located(cx: &mut Ctx) {
    let n = cx.items.len();
    for k in 0..n {
        let Some((a, at)) = cx.ent(k) else { continue };
        // "in São Paulo Brazil": CITY COUNTRY, the comma lost in a scrape
        if at == T::Gpe && !is_country(cx, k) && cx.ent(k + 1).is_some_and(|(_, t)| t == T::Gpe) && is_country(cx, k + 1) && k >= 1 && matches!(cx.items[k - 1].lower.as_str(), "in" | "to" | "at" | "from") {
            if let Some((b, _)) = cx.ent(k + 1) {
                cx.emit(a, P::LocatedIn, FactObject::Entity(b), "located.comma", (k, k + 2));
            }
        }
        // CITY/REGION , COUNTRY
        if at == T::Gpe && cx.is(k + 1, ",") {
            let m = cx.skip_det(k + 2);
            if let Some((b, T::Gpe)) = cx.ent(m) {
                let a_country = is_country(cx, k);
                let b_country = is_country(cx, m);
                // a list of countries ("Iran, Kazakhstan") is not containment
                // (also "Tennessee, Georgia, and Alabama")
                let next = if cx.is(m + 1, ",") && (cx.is(m + 2, "and") || cx.is(m + 2, "or")) { m + 3 } else { m + 2 };
                let list = (cx.is(m + 1, ",") || cx.is(m + 1, "and")) && cx.ent(cx.skip_det(next)).is_some_and(|(_, t)| t == T::Gpe);
                let titled = cx.is(m + 1, "'s") || cx.items.get(m + 1).is_some_and(|i| i.role().is_some());
                // (after "in" a given name is a town: "a plant in Mason, Ohio")
                let a_person_like = cx.doc.cand_of(&cx.items[k]).is_some_and(|c| gazetteer_given(&c.name)) && !(k >= 1 && cx.is(k - 1, "in"));
                // "Funtua, Katsina State", "Pietermaritzburg, KwaZulu-Natal": a town and its
                // region (a known town, or one the gazetteer has not; never two regions)
                let b_region = !b_country && is_region(cx, m) && !is_region(cx, k);
                let closes = m + 1 >= n || matches!(cx.items[m + 1].lower.as_str(), "," | "." | ")" | ";" | ":" | "said" | "on" | "in" | "and");
                let b_region = b_region && closes && !(k >= 2 && cx.is(k - 1, ",") && cx.ent(k - 2).is_some_and(|(_, t)| t == T::Gpe));
                if !a_country && (b_country || b_region) && !list && !titled && !a_person_like {
                    cx.emit(a, P::LocatedIn, FactObject::Entity(b), "located.comma", (k, m + 1));
                }
            }
        }
        // "the University of Windsor, Canada", "Ahmadu Bello University (ABU), Zaria",
        // "the American Chamber of Commerce in Sao Paulo": an organisation and its place
        if at == T::Org {
            let mut j = k + 1;
            if cx.is(j, "(") && cx.is(j + 2, ")") {
                j += 3;
            }
            let (comma, inn) = (cx.is(j, ","), cx.is(j, "in") && j == k + 1);
            if comma || inn {
                let m = cx.skip_det(j + 1);
                if let Some((b, T::Gpe)) = cx.ent(m) {
                    // "in Tartu, Estonia" is a town and its country, not a list
                    let town_country = inn && cx.is(m + 1, ",") && is_country(cx, m + 2) && !is_country(cx, m);
                    let list = (cx.is(m + 1, ",") || cx.is(m + 1, "and")) && cx.ent(cx.skip_det(m + 2)).is_some_and(|(_, t)| matches!(t, T::Gpe | T::Org)) && !town_country;
                    let titled = cx.is(m + 1, "'s") || cx.items.get(m + 1).is_some_and(|i| i.role().is_some());
                    let known_place = cx.doc.cand_of(&cx.items[m]).is_some_and(|c| !c.adjective && crate::gazetteer::place(c.canonical.as_deref().unwrap_or(&c.name)).is_some());
                    // councils and commissions meet in places; they are not based there
                    let meets = cx.doc.cand_of(&cx.items[k]).is_some_and(|c| matches!(c.head.as_str(), "council" | "committee" | "commission" | "assembly" | "cooperation" | "forum"));
                    // only a name that says it is a body ("... University", "... Bank", "UNICEF"):
                    // a document's or a programme's title before a place is no home
                    let body = cx.doc.cand_of(&cx.items[k]).is_some_and(|c| c.kind == crate::model::MentionKind::Acronym || crate::analyse::lexicon::has(crate::analyse::lexicon::ORG, &c.head) || c.name.split_whitespace().any(|w| crate::analyse::lexicon::has(crate::analyse::lexicon::ORG, &w.to_lowercase())));
                    let meets = meets || !body || !homed_body(cx, k);
                    // the place closes the phrase ("the University of X, Canada, said"), and the
                    // organisation is not the middle of "Title, Organisation, Place" in a signature
                    let closes = m + 1 >= cx.items.len() || matches!(cx.items[m + 1].lower.as_str(), "," | "." | ")" | ";" | ":");
                    let signature = comma && k >= 2 && cx.is(k - 1, ",") && cx.items[k - 2].role().is_some();
                    // "France, the European Union, South Korea": a list, not a home
                    let in_list = comma && k >= 2 && (cx.is(k - 1, ",") || cx.is(k - 1, "the") && k >= 3 && cx.is(k - 2, ",")) && (k.saturating_sub(4)..k).any(|x| cx.ent(x).is_some_and(|(_, t)| matches!(t, T::Gpe | T::Org)));
                    let signature = signature || in_list;
                    if !list && !titled && known_place && !meets && (inn || closes && !signature) {
                        cx.emit(a, P::BasedIn, FactObject::Entity(b), if comma { "based.comma" } else { "based.in" }, (k, m + 1));
                    }
                }
            }
        }
        // FAC/LOC in PLACE (directly, or after the inner name of "monument to X")
        if matches!(at, T::Fac | T::Loc) {
            let mut j = k + 1;
            if cx.is(j, "<inner>") {
                while j < n && !cx.is(j, "</inner>") {
                    j += 1;
                }
                j += 1;
            }
            if cx.is(j, "in") || cx.is(j, "on") {
                let m = cx.skip_det(j + 1);
                if let Some((b, bt)) = cx.ent(m) {
                    if PLACES.contains(&bt) {
                        cx.emit(a, P::LocatedIn, FactObject::Entity(b), "located.in", (k, m + 1));
                    }
                }
            }
        }
    }
    // in PLACE there is X, there is Y, the Z operates
    for k in 0..n {
        if !cx.is(k, "in") {
            continue;
        }
        let Some((place, T::Gpe)) = cx.ent(cx.skip_det(k + 1)) else { continue };
        let m = cx.skip_det(k + 1) + 1;
        if !(cx.is(m, "there") || cx.is(m, ",") && cx.is(m + 1, "there")) {
            continue;
        }
        let mut j = m;
        while j < n {
            if cx.is(j, "there") && (cx.is(j + 1, "is") || cx.is(j + 1, "are")) {
                let o = cx.skip_det(j + 2);
                if let Some((x, t)) = cx.ent(o) {
                    if matches!(t, T::Fac | T::Org | T::Loc) {
                        cx.emit(x, P::LocatedIn, FactObject::Entity(place), "located.there_is", (k, o + 1));
                    }
                }
            }
            if cx.is(j, ",") {
                let o = cx.skip_det(j + 1);
                if let Some((x, T::Org | T::Fac)) = cx.ent(o) {
                    if cx.is(o + 1, "operates") || cx.is(o + 1, "works") || cx.is(o + 1, "stands") {
                        cx.emit(x, P::LocatedIn, FactObject::Entity(place), "located.there_is", (k, o + 2));
                    }
                }
            }
            if cx.is(j, ".") || cx.is(j, ";") {
                break;
            }
            j += 1;
        }
    }
}

fn gazetteer_given(name: &str) -> bool {
    name.split(' ').next().is_some_and(crate::gazetteer::is_given_name)
}

/// A region by the gazetteer or by its name: "Katsina State", "Sverdlovsk Oblast", "Kent County".
fn is_region(cx: &Ctx, k: usize) -> bool {
    place_name(cx, k).is_some_and(|name| {
        crate::gazetteer::place(name).is_some_and(|p| p.kind == crate::gazetteer::PlaceKind::Region)
            || name.rsplit(' ').next().is_some_and(|w| matches!(w, "State" | "Province" | "Region" | "Oblast" | "County" | "Prefecture" | "Governorate" | "District" | "Krai"))
    })
}

fn is_country(cx: &Ctx, k: usize) -> bool {
    place_name(cx, k).and_then(crate::gazetteer::place).is_some_and(|p| p.kind == crate::gazetteer::PlaceKind::Country)
}

/// The name a mention's place goes by: its canonical name, else the name as written.
fn place_name<'c>(cx: &'c Ctx, k: usize) -> Option<&'c str> {
    cx.doc.cand_of(&cx.items[k]).map(|c| c.canonical.as_deref().unwrap_or(&c.name))
}

const MET_VERBS: &[&str] = &[
    "met with", "meet with", "meet", "met today with", "met virtually with", "met separately with", "met", "meets with", "meets", "meeting with",
    "held talks with", "holds talks with", "held a meeting with", "had a meeting with", "held a bilateral meeting with",
    "held discussions with", "holds discussions with", "had discussions with", "held bilateral talks with", "had talks with",
    "talked with", "spoke with", "spoke today with", "spoke by phone with", "spoke by telephone with", "received", "hosted",
];
const VISIT_VERBS: &[&str] = &[
    "visited", "visits", "visiting", "visit", "arrived at", "arrived in", "arrives in", "arrive in", "toured", "tour",
    "took a tour of", "paid a visit to", "came to", "traveled to", "travelled to", "travel to", "travels to",
];

/// met_with and visited.
fn verbs(cx: &mut Ctx) {
    let n = cx.items.len();
    for k in 0..n {
        if let Some(after) = verb_at(cx, k, &MET) {
            let d = cx.skip_det(after);
            let d = if cx.ent_or_demonym(d).is_some_and(|(_, t)| t == T::Gpe) && role_at(cx, d + 1).is_some() { d + 1 } else { d };
            if matches!(cx.items[k].lower.as_str(), "received" | "hosted") && cx.ent(d).is_none_or(|(_, t)| t != T::Person) && role_at(cx, d).is_none() {
                continue;
            }
            let Some((si, subj)) = cx.subject_before(k, &[T::Person, T::Group]) else { continue };
            // object: a person, possibly behind "the ROLE of X, NAME" (or a form of address:
            // "with Rt. Hon. X", "with H.E. X")
            let mut o = cx.skip_det(after);
            // (a list of addressed guests is read from its start below)
            let address_from = if cx.is(o, "rt") && cx.is(o + 1, ".") { o + 2 } else { o };
            if let Some((pi, _)) = cx.person_at(address_from).filter(|&(pi, _)| pi > o && !matches!(cx.items[o].lower.as_str(), "his" | "her") && !cx.is(pi + 1, ",") && !cx.is(pi + 1, "and")) {
                o = pi;
            }
            // "met her (Indian) counterpart(,) (Minister) X"
            if let Some(x) = counterpart_at(cx, o) {
                o = if cx.is(x, ",") { x + 1 } else { x };
            }
            // "with President X", "with DEMONYM President X"
            if cx.ent_or_demonym(o).is_some_and(|(_, t)| t == T::Gpe) && role_at(cx, o + 1).is_some() {
                o += 1;
            }
            if role_at(cx, o).is_some() {
                let (_, t_after) = role_target(cx, o);
                if cx.is(t_after, ",") {
                    o = t_after + 1;
                } else if cx.ent(o + 1).is_some_and(|(_, t)| t == T::Person) {
                    o += 1;
                }
            }
            let mut subjects = vec![subj];
            subjects.extend(cx.coordinated_people(si, k).into_iter().map(|(_, p)| p));
            let mut objects = cx.objects_after(o, &[T::Person, T::Group, T::Org], 12);
            // "met with H.E. Mr. A, Minister for Trade, and H.E. Mr. B, State Secretary"
            if cx.person_at(o).is_some_and(|(pi, _)| pi > o) {
                objects = listed_people(cx, o);
            }
            // "met with Peruvian President A and Bolivian President B", "with President A and
            // Prime Minister B": more titled people after the first
            if objects.first().is_some_and(|&(oi, _)| oi > 0 && role_at(cx, oi - 1).is_some() && cx.ent(oi).is_some_and(|(_, t)| t == T::Person)) {
                for (pi, p) in listed_people(cx, cx.skip_det(after)) {
                    if !objects.iter().any(|&(_, e)| e == p) {
                        objects.push((pi, p));
                    }
                }
            }
            for &(oi, obj) in &objects {
                for &subj in &subjects {
                    cx.emit(subj, P::MetWith, FactObject::Entity(obj), "met.verb", (si, oi + 1));
                }
            }
            // "President X received Minister Y on 11 August at the Guest House, Porto": the
            // guest came to the host's place
            // ("hosted" is left out: hosts also hold dinners and roundtables there)
            if matches!(cx.items[k].lower.as_str(), "received" | "welcomed") {
                if let Some(&(oi, guest)) = objects.last().filter(|(gi, _)| cx.ent(*gi).is_some_and(|(_, t)| matches!(t, T::Person | T::Group))) {
                    let mut j = oi + 1;
                    while j < n && j < oi + 8 && !cx.is(j, "at") && !cx.is(j, "in") && matches!(cx.items[j].kind, ItemKind::Word) && !matches!(cx.items[j].lower.as_str(), "and" | "who" | "which" | "to" | "for") {
                        j += 1;
                    }
                    if cx.is(j, "at") || cx.is(j, "in") {
                        let mut m = cx.skip_det(j + 1);
                        while let Some((place, T::Gpe | T::Fac | T::Loc)) = cx.ent(m) {
                            cx.emit(guest, P::Visited, FactObject::Entity(place), "visited.received", (si, m + 1));
                            if cx.is(m + 1, ",") && cx.ent(m + 2).is_some_and(|(_, t)| matches!(t, T::Gpe)) {
                                m += 2;
                            } else {
                                break;
                            }
                        }
                    }
                }
            }
        }
        if let Some(after) = verb_at(cx, k, &VISIT) {
            let Some((si, subj)) = cx.subject_before(k, &[T::Person, T::Group]) else { continue };
            let mut subjects = vec![subj];
            subjects.extend(cx.coordinated_people(si, k).into_iter().map(|(_, p)| p));
            // "X, accompanied by A and B, visited Y" / "X arrived in Y, accompanied by A": the
            // companions went too
            if let Some(a) = (si..n.saturating_sub(1)).find(|&x| cx.is(x, "accompanied") && cx.is(x + 1, "by") && (x > 0 && cx.is(x - 1, ",") || x < k)) {
                subjects.extend(listed_people(cx, a + 2).into_iter().map(|(_, p)| p).filter(|p| !subjects.contains(p)).collect::<Vec<_>>());
            }
            // "visited the construction site of the X plant", "toured the premises of X": X
            let after = {
                let mut j = cx.skip_det(after);
                if matches!(cx.items.get(j).map(|i| i.lower.as_str()), Some("construction" | "building" | "production")) {
                    j += 1;
                }
                if matches!(cx.items.get(j).map(|i| i.lower.as_str()), Some("site" | "sites" | "premises" | "grounds" | "facilities" | "territory" | "workshops")) && cx.is(j + 1, "of") {
                    j + 2
                } else {
                    after
                }
            };
            let objects = cx.objects_after(after, &[T::Fac, T::Gpe, T::Loc, T::Org], 30);
            for &(oi, obj) in &objects {
                for &subj in &subjects {
                    cx.emit(subj, P::Visited, FactObject::Entity(obj), "visited.verb", (si, oi + 1));
                }
            }
            // "X visited the hospital with Health Minister Y": they went together, so met
            if let Some(&(last, _)) = objects.last() {
                if cx.is(last + 1, "with") {
                    for (pi, p) in listed_people(cx, last + 2) {
                        for &subj in subjects.iter().filter(|&&s| s != p) {
                            cx.emit(subj, P::MetWith, FactObject::Entity(p), "met.visited_with", (si, pi + 1));
                        }
                    }
                }
            }
        }
    }
}

/// A visit said with a noun: "X's visit to Y", "during his two-day official visit to Y",
/// "the visit by X to Y", "While in Y, X ...".
fn visit_nouns(cx: &mut Ctx) {
    let n = cx.items.len();
    // "During her trip to Y, the Vice President will meet ...": a programme, not a visit made
    if cx.items.iter().any(|i| matches!(i.lower.as_str(), "will" | "would" | "plans" | "expected" | "scheduled" | "upcoming" | "'ll")) {
        return;
    }
    for k in 0..n {
        if !matches!(cx.items[k].lower.as_str(), "visit" | "trip" | "tour" | "journey") {
            continue;
        }
        // the words between the visitor and "visit": "historic", "two-day official", "third"
        let mut v = k;
        while v > 0 && k - v < 4 && matches!(cx.items[v - 1].kind, ItemKind::Word | ItemKind::Role(_)) && !matches!(cx.items[v - 1].lower.as_str(), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "'s" | "of" | "to" | "in" | "on" | "and" | "during" | "after" | "for") {
            v -= 1;
        }
        // a visit still to come is not one made
        if (v..k).any(|x| matches!(cx.items[x].lower.as_str(), "upcoming" | "planned" | "forthcoming" | "next" | "future" | "proposed" | "possible" | "expected" | "postponed" | "cancelled" | "canceled")) {
            continue;
        }
        let pronoun = v > 0 && (matches!(cx.items[v - 1].lower.as_str(), "his" | "her" | "their") || cx.doc.cand_of(&cx.items[v - 1]).is_some_and(|c| c.kind == crate::model::MentionKind::Pronoun));
        let visitor = if v > 0 && cx.is(v - 1, "'s") && v >= 2 {
            cx.ent(v - 2).filter(|(_, t)| matches!(t, T::Person | T::Group)).map(|(e, _)| (v - 2, e))
        } else if pronoun && matches!(cx.items[0].lower.as_str(), "during" | "on" | "after" | "following" | "in") {
            // "During his trip to Y, President X ...": the pronoun looks ahead to the subject
            // (or, with the comma lost, "During his trip to Y region President X ...")
            (v..n).find(|&x| cx.is(x, ",")).and_then(|c| cx.person_at(c + 1).or_else(|| cx.titled_person_at(c + 1))).or_else(|| {
                let t = cx.skip_det(k + 2);
                let place = cx.is(k + 1, "to") && cx.ent(t).is_some_and(|(_, ty)| matches!(ty, T::Gpe | T::Loc));
                place.then(|| cx.person_at(t + 1).or_else(|| role_at(cx, t + 1).and_then(|_| cx.person_at(t + 2)))).flatten()
            })
        } else if v >= 2 && matches!(cx.items[v - 1].lower.as_str(), "a" | "an") && cx.is(v - 2, "on") {
            // "Minister X is on a three-day visit to Y", "X, who is on an official visit to Y"
            cx.subject_before(v - 2, &[T::Person, T::Group])
        } else if pronoun {
            // "Secretary X made her fourth visit to Y": the clause's subject, when it is a
            // person named in this sentence; a pronoun's referent from sentences before is
            // too often someone else
            cx.subject_before(v - 1, &[T::Person]).filter(|&(_, e)| cx.ent(v - 1).is_some_and(|(p, _)| p == e))
        } else {
            None
        };
        // "the visit by/of X to Y"
        let (visitor, mut to) = match visitor {
            Some(x) => (Some(x), k + 1),
            None if cx.is(k + 1, "by") || cx.is(k + 1, "of") => match cx.person_at(k + 2).or_else(|| cx.ent(k + 2).filter(|(_, t)| *t == T::Group).map(|(e, _)| (k + 2, e))) {
                Some((pi, p)) => (Some((pi, p)), pi + 1),
                None => (None, k + 1),
            },
            None => (None, k + 1),
        };
        let Some((si, who)) = visitor else { continue };
        // "X's visit to Kazakhstan", "visit by Y Minister Z to the region": skip the visitor's title
        // (not "a tour in Vietnam", a soldier's posting)
        if !cx.is(to, "to") {
            continue;
        }
        to = cx.skip_det(to + 1);
        if let Some((place, _)) = cx.ent(to).filter(|(_, t)| matches!(t, T::Gpe | T::Loc | T::Fac)) {
            cx.emit(who, P::Visited, FactObject::Entity(place), "visited.noun", (si, to + 1));
        }
    }
    // "While in Jakarta, Minister X also welcomed ..."
    if n > 4 && cx.is(0, "while") && cx.is(1, "in") {
        if let Some((place, _)) = cx.ent(2).filter(|(_, t)| matches!(t, T::Gpe | T::Loc)) {
            if cx.is(3, ",") {
                let p = cx.person_at(4).or_else(|| role_at(cx, 4).and_then(|_| cx.person_at(5)));
                if let Some((pi, who)) = p {
                    cx.emit(who, P::Visited, FactObject::Entity(place), "visited.noun", (0, pi + 1));
                }
            }
        }
    }
}

/// "member" read as a word or as the role item the analysis made of it ("a member of").
fn member_word(cx: &Ctx, k: usize) -> bool {
    cx.is(k, "member") || role_at(cx, k).is_some_and(|(w, kind)| kind == RoleKind::Member && w == "member")
}

/// "The Accelerator brings together governments, businesses and health organisations (A,
/// B, C)", "the Council is composed of A, B and C", "its members include A and B".
fn members_listed(cx: &mut Ctx) {
    let n = cx.items.len();
    for k in 1..n {
        let after = if cx.is(k, "brings") && cx.is(k + 1, "together") || cx.is(k, "brought") && cx.is(k + 1, "together") || cx.is(k, "composed") && cx.is(k + 1, "of") || cx.is(k, "consists") && cx.is(k + 1, "of") {
            k + 2
        } else if cx.is(k, "comprises") || cx.is(k, "comprising") {
            k + 1
        } else {
            continue;
        };
        // the body right before the verb ("Launched in April, the X Accelerator brings ...")
        let Some((si, body)) = (k.saturating_sub(3)..k).rev().find_map(|x| cx.ent(x).filter(|&(_, t)| matches!(t, T::Org | T::Group)).map(|(e, _)| (x, e))) else { continue };
        let mut x = after;
        let mut found = 0;
        while x < n && found < 30 {
            let it = &cx.items[x];
            if let Some((e, t)) = cx.ent(x) {
                if matches!(t, T::Org | T::Gpe | T::Person | T::Group) && e != body {
                    cx.emit(e, P::MemberOf, FactObject::Entity(body), "member.listed", (si, x + 1));
                    found += 1;
                }
                x += 1;
                continue;
            }
            // the list runs on through commas, brackets and the plain nouns that group it
            let plain = matches!(it.kind, ItemKind::Word) && !matches!(it.lower.as_str(), "to" | "that" | "which" | "who" | "in" | "for" | "with" | "from" | "on" | "will" | "is" | "are" | "was" | "were");
            if plain || matches!(it.lower.as_str(), "," | "(" | ")" | "&") {
                x += 1;
                continue;
            }
            break;
        }
    }
}

/// twinned_with, partner_of, member_of, organized_by, part_of.
fn relations(cx: &mut Ctx) {
    members_listed(cx);
    let n = cx.items.len();
    // "the India-Sweden economic partnership", "Ruritania-Nordvik strategic partners"
    // (also "the A-B-C cooperation", "A-B diplomatic relations", "A-B ties")
    let mut k = 0;
    while k < n {
        let party = |x: usize| cx.ent_or_demonym(x).filter(|&(_, t)| matches!(t, T::Gpe | T::Org));
        let Some(first) = party(k) else {
            k += 1;
            continue;
        };
        let mut parties = vec![first.0];
        let mut e = k + 1;
        while cx.is(e, "-") && parties.len() < 4 {
            let Some((b, _)) = party(e + 1) else { break };
            parties.push(b);
            e += 2;
        }
        if parties.len() >= 2 {
            let words: Vec<&str> = (e..(e + 4).min(n)).take_while(|&x| matches!(cx.items[x].kind, ItemKind::Word)).map(|x| cx.items[x].lower.as_str()).collect();
            let said = words.iter().enumerate().any(|(i, w)| matches!(*w, "partnership" | "partners" | "cooperation" | "ties" | "friendship") || *w == "relations" && i > 0 && words[i - 1] == "diplomatic");
            if said {
                for i in 0..parties.len() {
                    for j in i + 1..parties.len() {
                        cx.emit(parties[i], P::PartnerOf, FactObject::Entity(parties[j]), "partner.compound", (k, e + 1));
                    }
                }
            }
        }
        k = e.max(k + 1);
    }
    // "the long-standing partnership between A and B", "the partnership between A and the
    // government and people of B"
    for k in 0..n {
        // (a "symbol of cooperation between A and B" declares no partnership)
        if !matches!(cx.items[k].lower.as_str(), "partnership" | "partnerships") || !cx.is(k + 1, "between") {
            continue;
        }
        let party = |x: usize| cx.ent(x).filter(|&(_, t)| matches!(t, T::Gpe | T::Org));
        let a_at = cx.skip_det(k + 2);
        let Some((a, _)) = party(a_at) else { continue };
        if !cx.is(a_at + 1, "and") {
            continue;
        }
        let mut b_at = cx.skip_det(a_at + 2);
        if let Some(j) = cx.words_at(b_at, "government and people of").or_else(|| cx.words_at(b_at, "people of")) {
            b_at = cx.skip_det(j);
        }
        if let Some((b, _)) = party(b_at).filter(|&(b, _)| b != a) {
            cx.emit(a, P::PartnerOf, FactObject::Entity(b), "partner.between", (k, b_at + 1));
        }
    }
    for k in 0..n {
        // A and B are sister cities / twin towns
        if let Some((a, T::Gpe)) = cx.ent(k) {
            if cx.is(k + 1, "and") {
                if let Some((b, T::Gpe)) = cx.ent(k + 2) {
                    let j = k + 3;
                    if (cx.is(j, "are") || cx.is(j, "became") || cx.is(j, "have")) && (k + 3..(k + 8).min(n)).any(|x| matches!(cx.items[x].lower.as_str(), "sister" | "twin" | "twinned" | "twinning")) {
                        cx.emit(a, P::TwinnedWith, FactObject::Entity(b), "twinned.sister_cities", (k, k + 6));
                    }
                    if cx.is(j, "are") && (k + 3..(k + 7).min(n)).any(|x| matches!(cx.items[x].lower.as_str(), "partners")) {
                        cx.emit(a, P::PartnerOf, FactObject::Entity(b), "partner.strategic", (k, k + 6));
                    }
                }
            }
            if let Some(j) = cx.words_at(k + 1, "is twinned with").or_else(|| cx.words_at(k + 1, "is a sister city of")) {
                if let Some((b, T::Gpe)) = cx.ent(cx.skip_det(j)) {
                    cx.emit(a, P::TwinnedWith, FactObject::Entity(b), "twinned.sister_cities", (k, j + 1));
                }
            }
        }
        // A is a (strategic) partner of B
        if let Some((a, at)) = cx.ent(k) {
            if matches!(at, T::Gpe | T::Org | T::Person) && (cx.is(k + 1, "is") || cx.is(k + 1, "was")) {
                let mut j = k + 2;
                if cx.is(j, "a") || cx.is(j, "an") {
                    j += 1;
                }
                while j < n && matches!(cx.items[j].lower.as_str(), "strategic" | "key" | "important" | "reliable" | "close" | "major" | "long-standing" | "trusted") {
                    j += 1;
                }
                if at != T::Person && cx.is(j, "partner") && cx.is(j + 1, "of") {
                    let m = cx.skip_det(j + 2);
                    if let Some((b, bt)) = cx.ent(m) {
                        if matches!(bt, T::Gpe | T::Org) {
                            cx.emit(a, P::PartnerOf, FactObject::Entity(b), "partner.strategic", (k, m + 1));
                        }
                    }
                }
                if member_word(cx, j) && cx.is(j + 1, "of") {
                    let m = cx.skip_det(j + 2);
                    if let Some((b, T::Org | T::Group)) = cx.ent(m) {
                        cx.emit(a, P::MemberOf, FactObject::Entity(b), "member.of", (k, m + 1));
                    }
                }
            }
            // PERSON, a member of ORG
            if at == T::Person && cx.is(k + 1, ",") && (cx.is(k + 2, "a") || cx.is(k + 2, "an")) && member_word(cx, k + 3) && cx.is(k + 4, "of") {
                let m = cx.skip_det(k + 5);
                if let Some((b, T::Org | T::Group)) = cx.ent(m) {
                    cx.emit(a, P::MemberOf, FactObject::Entity(b), "member.of", (k, m + 1));
                }
            }
            // EVENT organized/hosted by X
            if at == T::Event {
                let mut j = k + 1;
                if cx.is(j, ",") {
                    j += 1;
                }
                if cx.is(j, "which") {
                    j += 1;
                }
                if cx.is(j, "was") || cx.is(j, "is") {
                    j += 1;
                }
                if matches!(cx.items.get(j).map(|i| i.lower.as_str()), Some("organized" | "organised" | "hosted" | "convened" | "sponsored")) && cx.is(j + 1, "by") {
                    let m = cx.skip_det(j + 2);
                    if let Some((b, T::Org | T::Gpe | T::Person)) = cx.ent(m) {
                        cx.emit(a, P::OrganizedBy, FactObject::Entity(b), "organized.by", (k, m + 1));
                    }
                }
            }
            // ORG under the ORG
            if at == T::Org && cx.is(k + 1, "under") {
                let m = cx.skip_det(k + 2);
                if let Some((b, T::Org)) = cx.ent(m) {
                    cx.emit(a, P::PartOf, FactObject::Entity(b), "part_of.under", (k, m + 1));
                }
            }
        }
        // X organized/hosted EVENT
        if matches!(cx.items[k].lower.as_str(), "organized" | "organised" | "hosted") && !cx.is(k + 1, "by") {
            if let Some((si, subj)) = cx.subject_before(k, &[T::Org, T::Gpe, T::Person]) {
                if let Some(&(oi, ev)) = cx.objects_after(k + 1, &[T::Event], 4).first() {
                    cx.emit(ev, P::OrganizedBy, FactObject::Entity(subj), "organized.by", (si, oi + 1));
                }
            }
        }
    }
}

/// Words for a signed document (a match: asked for every word of every sentence).
fn is_doc_word(w: &str) -> bool {
    matches!(w, "memorandum" | "memorandums" | "memoranda" | "agreement" | "agreements" | "treaty" | "treaties" | "accord" | "protocol" | "declaration" | "contract" | "deal" | "mou" | "mous" | "moa")
}

/// signed_agreement_with.
fn signed(cx: &mut Ctx) {
    let n = cx.items.len();
    for k in 0..n {
        let is_doc = is_doc_word(cx.items[k].lower.as_str())
            || cx.doc.cand_of(&cx.items[k]).is_some_and(|c| is_doc_word(c.head.as_str()) || lower_starts_with(&c.name, "memorandum"));
        if !is_doc {
            continue;
        }
        let title = quoted_after(cx, k, 8);
        // ... between A and B
        if let Some(bw) = (k + 1..(k + 40).min(n)).find(|&x| cx.is(x, "between")) {
            if !(k + 1..bw).any(|x| cx.is(x, ".") || cx.is(x, ";")) || cx.items[k + 1..bw].iter().any(|i| i.lower == "\"") {
                let a = cx.skip_det(bw + 1);
                if let (Some((ea, ta)), true) = (cx.ent(a), cx.is(a + 1, "and")) {
                    let b = cx.skip_det(a + 2);
                    if let Some((eb, tb)) = cx.ent(b) {
                        if matches!(ta, T::Org | T::Gpe | T::Person) && matches!(tb, T::Org | T::Gpe | T::Person) {
                            if let Some(f) = cx.emit(ea, P::SignedAgreementWith, FactObject::Entity(eb), "signed.between", (k, b + 1)) {
                                f.detail = title.clone();
                            }
                        }
                    }
                }
            }
        }
        // ... signed by A with B and C
        if let Some(s) = (k + 1..(k + 6).min(n)).find(|&x| cx.is(x, "signed")) {
            if cx.is(s + 1, "by") {
                let a = cx.skip_det(s + 2);
                if let Some((ea, ta)) = cx.ent(a) {
                    let mut w = a + 1;
                    while w < n && !cx.is(w, "with") && w < a + 4 {
                        w += 1;
                    }
                    if cx.is(w, "with") && matches!(ta, T::Org | T::Gpe | T::Person) {
                        let doc = cx.items[k].lower.clone();
                        for (bi, eb) in cx.objects_after(w + 1, &[T::Org, T::Gpe, T::Person], 30) {
                            if let Some(f) = cx.emit(ea, P::SignedAgreementWith, FactObject::Entity(eb), "signed.by_with", (k, bi + 1)) {
                                f.detail = Some(title.clone().unwrap_or_else(|| doc.to_string()));
                            }
                        }
                    }
                }
            }
        }
    }
    // "A, B and C sign a Memorandum": the parties listed before the verb, pairwise;
    // "a memorandum was signed by A and B"
    for k in 0..n {
        let w = cx.items[k].lower.as_str();
        if !matches!(w, "sign" | "signs" | "signed") {
            continue;
        }
        let doc_follows = (k + 1..(k + 6).min(n)).any(|x| is_doc_word(cx.items[x].lower.as_str()) || cx.doc.cand_of(&cx.items[x]).is_some_and(|c| c.etype == T::Work || is_doc_word(c.head.as_str())));
        let mut parties: Vec<(usize, usize)> = Vec::new();
        if cx.is(k + 1, "by") && (0..k).rev().take(6).any(|x| is_doc_word(cx.items[x].lower.as_str()) || cx.doc.cand_of(&cx.items[x]).is_some_and(|c| c.etype == T::Work)) {
            parties = cx.objects_after(k + 2, &[T::Org, T::Gpe, T::Person], 24);
        } else if doc_follows {
            // walk back over "A, B, and C" (with "the" and "have")
            let mut j = k;
            while j > 0 && matches!(cx.items[j - 1].lower.as_str(), "have" | "has" | "today" | "jointly" | "also") {
                j -= 1;
            }
            let mut joined = true;
            while j > 0 && joined {
                let Some((e, t)) = cx.ent(j - 1) else { break };
                if !matches!(t, T::Org | T::Gpe | T::Person) {
                    break;
                }
                parties.insert(0, (j - 1, e));
                j -= 1;
                if j > 0 && cx.is(j - 1, "the") {
                    j -= 1;
                }
                joined = false;
                if j > 0 && (cx.is(j - 1, ",") || cx.is(j - 1, "and")) {
                    j -= 1;
                    if j > 0 && cx.is(j - 1, ",") {
                        j -= 1;
                    }
                    joined = true;
                }
            }
            if !(k.saturating_sub(2)..k).any(|x| cx.is(x, "and")) && !parties.windows(2).any(|p| (p[0].0..p[1].0).any(|x| cx.is(x, "and"))) {
                parties.clear();
            }
        }
        if parties.len() < 2 {
            continue;
        }
        let title = quoted_after(cx, k, 10);
        for x in 0..parties.len() {
            for y in x + 1..parties.len() {
                if let Some(f) = cx.emit(parties[x].1, P::SignedAgreementWith, FactObject::Entity(parties[y].1), "signed.parties", (parties[0].0, k + 1)) {
                    f.detail = title.clone();
                }
            }
        }
    }
    // A signed a memorandum/agreement with B
    for k in 0..n {
        if !cx.is(k, "signed") || cx.is(k + 1, "by") {
            continue;
        }
        let Some(w) = (k + 1..(k + 12).min(n)).find(|&x| cx.is(x, "with")) else { continue };
        if !(k + 1..w).any(|x| is_doc_word(cx.items[x].lower.as_str()) || cx.doc.cand_of(&cx.items[x]).is_some_and(|c| c.etype == T::Work)) {
            continue;
        }
        let Some((si, a)) = cx.subject_before(k, &[T::Org, T::Gpe, T::Person]) else { continue };
        let title = quoted_after(cx, k, 10);
        for (bi, b) in cx.objects_after(w + 1, &[T::Org, T::Gpe, T::Person], 20) {
            if let Some(f) = cx.emit(a, P::SignedAgreementWith, FactObject::Entity(b), "signed.by_with", (si, bi + 1)) {
                f.detail = title.clone();
            }
        }
    }
}

/// `s.to_lowercase().starts_with(prefix)` without building the lower-case string.
fn lower_starts_with(s: &str, prefix: &str) -> bool {
    let mut lower = s.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| lower.next() == Some(p))
}

/// Text of a quoted title within `span` items after `k`: “On strategic cooperation ...”.
fn quoted_after(cx: &Ctx, k: usize, span: usize) -> Option<String> {
    let n = cx.items.len();
    let open = (k + 1..(k + span).min(n)).find(|&x| cx.is(x, "\""))?;
    let close = (open + 1..(open + 40).min(n)).find(|&x| cx.is(x, "\""))?;
    let text = cx.doc.text(cx.clean, cx.items[open + 1].tok_start, cx.items[close - 1].tok_end);
    (!text.is_empty()).then_some(text)
}

/// "... newspapers were published ("A" (1919–1920), "B") ... in PLACE".
fn published(cx: &mut Ctx) {
    let n = cx.items.len();
    let Some(p) = (0..n).find(|&k| cx.is(k, "published") || cx.is(k, "printed")) else { return };
    let works: Vec<(usize, usize)> = (p..n).filter_map(|k| cx.ent(k).filter(|(_, t)| *t == T::Work).map(|(e, _)| (k, e))).collect();
    if works.is_empty() {
        return;
    }
    // the place: "in PLACE" anywhere in the sentence before the list
    let place = (0..p).rev().find_map(|k| {
        if cx.is(k, "in") {
            cx.ent(cx.skip_det(k + 1)).filter(|(_, t)| *t == T::Gpe).map(|(e, _)| (k, e))
        } else {
            None
        }
    });
    let Some((pk, place)) = place else { return };
    for (wk, w) in works {
        // years in parentheses after the title: (1919–1920)
        let mut detail = None;
        let mut j = wk + 1;
        if cx.is_quote(j) {
            j += 1;
        }
        if cx.is(j, "(") {
            let close = (j + 1..(j + 6).min(n)).find(|&x| cx.is(x, ")"));
            if let Some(c) = close {
                detail = Some(cx.doc.text(cx.clean, cx.items[j + 1].tok_start, cx.items[c - 1].tok_end));
            }
        }
        if let Some(f) = cx.emit(w, P::PublishedIn, FactObject::Entity(place), "published.in", (pk.min(wk), wk + 1)) {
            f.detail = detail;
        }
    }
}

/// dedicated_to and named_after.
fn dedicated_named(cx: &mut Ctx) {
    let n = cx.items.len();
    for k in 0..n {
        let Some((a, at)) = cx.ent(k) else { continue };
        // FAC/LOC with an inner name: "monument to X", "park named after X", "school that bears his name"
        if cx.is(k + 1, "<inner>") {
            let head = cx.doc.cand_of(&cx.items[k]).map(|c| c.name.to_lowercase()).unwrap_or_default();
            let close = (k + 2..n).find(|&x| cx.is(x, "</inner>")).unwrap_or(n);
            let person = (k + 2..close).find_map(|x| cx.ent_or_demonym(x).filter(|(_, t)| *t == T::Person).map(|(e, _)| (x, e)));
            if let Some((x, p)) = person {
                let (pred, rule) = if head.contains(" to ") { (P::DedicatedTo, "dedicated.to") } else { (P::NamedAfter, "named.after") };
                cx.emit(a, pred, FactObject::Entity(p), rule, (k, x + 1));
            }
            continue;
        }
        if !matches!(at, T::Fac | T::Event | T::Work | T::Loc | T::Org) {
            continue;
        }
        let mut j = k + 1;
        if cx.is(j, ",") {
            j += 1;
        }
        if cx.is(j, "which") {
            j += 1;
        }
        if cx.is(j, "is") || cx.is(j, "was") {
            j += 1;
        }
        if cx.is(j, "dedicated") && cx.is(j + 1, "to") {
            let mut m = cx.skip_det(j + 2);
            // "the 100th anniversary of X's birth"
            while m < n && cx.ent(m).is_none() && m < j + 8 {
                m += 1;
            }
            if let Some((p, T::Person | T::Event)) = cx.ent(m) {
                cx.emit(a, P::DedicatedTo, FactObject::Entity(p), "dedicated.to", (k, m + 1));
            }
        }
        if cx.is(j, "named") && cx.is(j + 1, "after") {
            if let Some((p, T::Person)) = cx.ent(cx.skip_det(j + 2)) {
                cx.emit(a, P::NamedAfter, FactObject::Entity(p), "named.after", (k, j + 3));
            }
        }
    }
}

const SPEECH_NOUNS: &[&str] = &["speech", "address", "remarks", "statement", "keynote", "presentation", "lecture", "report"];

/// spoke_at: "Delivering a speech at the meeting, X said", "X addressed the forum".
fn spoke(cx: &mut Ctx) {
    let n = cx.items.len();
    for k in 0..n {
        let w = cx.items[k].lower.as_str();
        let gave = matches!(w, "delivering" | "delivered" | "delivers" | "gave" | "giving" | "made" | "making" | "gives");
        let mut at = None;
        if gave {
            let j = cx.skip_det(k + 1);
            if SPEECH_NOUNS.contains(&cx.items.get(j).map(|i| i.lower.as_str()).unwrap_or("")) && cx.is(j + 1, "at") {
                at = Some(j + 2);
            }
        } else if matches!(w, "spoke" | "speaking" | "addressing" | "addressed") {
            at = Some(if cx.is(k + 1, "at") || cx.is(k + 1, "to") { k + 2 } else { k + 1 });
        }
        // "in his opening address at EVENT", "X's remarks at EVENT": the possessor spoke
        if at.is_none() && k + 2 < n {
            if let Some((p, _)) = cx.ent(k).filter(|&(_, t)| t == T::Person).filter(|_| matches!(w, "his" | "her") || cx.is(k + 1, "'s")) {
                let from = if cx.is(k + 1, "'s") { k + 2 } else { k + 1 };
                let j = skip_speech_modifiers(cx, from, from + 3);
                if SPEECH_NOUNS.contains(&cx.items.get(j).map(|i| i.lower.as_str()).unwrap_or("")) && cx.is(j + 1, "at") {
                    if let Some(&(ei, ev)) = cx.objects_after(j + 2, &[T::Event], 4).first() {
                        cx.emit(p, P::SpokeAt, FactObject::Entity(ev), "spoke.at", (k, ei + 1));
                    }
                }
            }
            // "At the forum, Jane Roe said ...": a speaker named after the event's adverbial
            if k == 0 && (w == "at" || w == "during") {
                let e = cx.skip_to_name(1);
                if let (Some((ev, T::Event)), true) = (cx.ent(e), cx.is(e + 1, ",")) {
                    if let Some((pi, p)) = cx.person_at(e + 2) {
                        let says = (pi + 1..(pi + 3).min(n)).any(|x| matches!(cx.items[x].kind, ItemKind::Word) && crate::analyse::lexicon::has(crate::analyse::lexicon::SPEECH, &cx.items[x].lower));
                        if says {
                            cx.emit(p, P::SpokeAt, FactObject::Entity(ev), "spoke.at", (0, pi + 1));
                        }
                    }
                }
            }
        }
        let Some(at) = at else { continue };
        let Some(&(ei, ev)) = cx.objects_after(at, &[T::Event], 4).first() else { continue };
        // the speaker: the clause subject, or after a leading participle the main subject
        let subj = if matches!(w, "delivering" | "speaking" | "addressing") && (k == 0 || cx.is(k - 1, ",")) {
            let comma = (ei + 1..n).find(|&x| cx.is(x, ","));
            comma.and_then(|c| cx.titled_person_at(c + 1))
        } else {
            cx.subject_before(k, &[T::Person])
        };
        if let Some((si, p)) = subj {
            cx.emit(p, P::SpokeAt, FactObject::Entity(ev), "spoke.at", (k.min(si), ei.max(si) + 1));
        }
    }
}

/// The first item from `j` (before `limit`) that is not a speech's modifier: "opening",
/// "keynote", "welcoming" … address.
fn skip_speech_modifiers(cx: &Ctx, mut j: usize, limit: usize) -> usize {
    while j < cx.items.len() && j < limit && matches!(cx.items[j].lower.as_str(), "opening" | "closing" | "keynote" | "welcome" | "welcoming" | "inaugural" | "concluding" | "brief" | "short" | "special") {
        j += 1;
    }
    j
}

/// A speech without the event it was given at: "In his opening remarks, Jane Roe said",
/// "Jane Roe, who delivered the keynote address", "Her speech highlighted ...". The event
/// is the article's one event (see `extract`); a sentence that names an event is `spoke`'s.
fn spoke_unnamed_event(cx: &mut Ctx) {
    let n = cx.items.len();
    if (0..n).any(|k| cx.ent(k).is_some_and(|(_, t)| t == T::Event)) {
        return;
    }
    // a speech noun behind its modifiers from `j`: the item after it ("a perceptive
    // keynote address": up to two plain words of praise before the known modifiers)
    let speech_from = |cx: &Ctx, j: usize| -> Option<usize> {
        let noun = |x: usize| matches!(cx.items.get(x).map(|i| i.lower.as_str()), Some("speech" | "address" | "remarks" | "keynote"));
        let plain = |x: usize| cx.items.get(x).is_some_and(|i| matches!(i.kind, ItemKind::Word) && i.lower.len() > 3 && i.lower.chars().all(|c| c.is_lowercase() || c == '-') && !matches!(i.lower.as_str(), "with" | "from" | "that" | "this" | "their" | "about" | "into" | "over"));
        (0..=2).find_map(|extra| {
            let from = j + extra;
            let x = skip_speech_modifiers(cx, from, n);
            ((j..from).all(plain) && noun(x)).then_some(x + 1)
        })
    };
    let person = |cx: &Ctx, k: usize| cx.ent(k).filter(|&(_, t)| t == T::Person).map(|(e, _)| e);
    // "In / During his (opening) speech, [title] X said": the person after the comma
    if matches!(cx.items.first().map(|i| i.lower.as_str()), Some("in" | "during")) && matches!(cx.items.get(1).map(|i| i.lower.as_str()), Some("his" | "her")) {
        if let Some(after) = speech_from(cx, 2).filter(|&a| cx.is(a, ",")) {
            // (behind honorifics, a title chain, or a title set off by commas: "In his
            // address, USP Vice-Chancellor, Professor Jane Roe, said")
            let named_at = |j: usize| cx.person_at(j).or_else(|| cx.titled_person_at(j));
            let second = (after + 2..(after + 9).min(n)).find(|&x| cx.is(x, ","));
            let who = named_at(after + 1).or_else(|| second.and_then(|c| named_at(c + 1)));
            if let Some((x, e)) = who {
                cx.emit_unplaced(e, "spoke.article_event", (0, x.max(after) + 1));
            }
            return;
        }
    }
    for k in 0..n {
        let w = cx.items[k].lower.as_str();
        // "X addressed the audience", "Jane Roe then spoke and noted ...", "X graced the
        // occasion": the speaker (or guest) right before the verb, at the article's event
        let before_verb = |cx: &Ctx, k: usize| {
            let b = if k >= 2 && matches!(cx.items[k - 1].lower.as_str(), "then" | "also" | "later" | "next" | "first" | "briefly" | "finally") { k - 2 } else { k.checked_sub(1)? };
            // (or the subject before an apposition: "Jane Roe, deputy director, addressed")
            person(cx, b).map(|e| (b, e)).or_else(|| if cx.is(b, ",") { cx.subject_before(b + 1, &[T::Person]) } else { None })
        };
        let audience = |x: usize| matches!(cx.items.get(x).map(|i| i.lower.as_str()), Some("audience" | "gathering" | "participants" | "attendees" | "guests" | "delegates" | "crowd" | "attendance"));
        let occasion = |x: usize| matches!(cx.items.get(x).map(|i| i.lower.as_str()), Some("occasion" | "event" | "ceremony" | "function" | "gathering"));
        if matches!(w, "addressed" | "addresses") && cx.is(k + 1, "the") && audience(k + 2) {
            if let Some((b, e)) = before_verb(cx, k) {
                cx.emit_unplaced(e, "spoke.article_event", (b, k + 3));
            }
            continue;
        }
        if w == "spoke" && (k + 1 == n || matches!(cx.items[k + 1].lower.as_str(), "and" | "." | ";" | "next" | "first" | "briefly")) {
            if let Some((b, e)) = before_verb(cx, k) {
                cx.emit_unplaced(e, "spoke.article_event", (b, k + 1));
            }
            continue;
        }
        if matches!(w, "graced" | "graces") && cx.is(k + 1, "the") && occasion(k + 2) {
            if let Some((b, e)) = before_verb(cx, k) {
                cx.emit_unplaced_as(e, P::Attended, "attend.article_event", (b, k + 3));
            }
            continue;
        }
        // "X (, who) delivered / gave / shared the opening address" (not "at" a place or body)
        if matches!(w, "delivered" | "delivering" | "delivers" | "gave" | "gives" | "shared") {
            let Some(after) = speech_from(cx, cx.skip_det(k + 1)) else { continue };
            if cx.is(after, "at") || cx.is(after, "to") || cx.is(after, "on") {
                continue;
            }
            // the speaker right before the verb ("Jane Roe delivered", "Jane Roe, who
            // delivered"): "stood with X and delivered remarks" is not X's speech
            let before = if k >= 2 && cx.is(k - 1, "who") && cx.is(k - 2, ",") { k.checked_sub(3) } else { k.checked_sub(1) };
            // (or the subject before an apposition: "X, Chief Technology Officer at Y, shared")
            let after_apposition = || if k >= 1 && cx.is(k - 1, ",") { cx.subject_before(k, &[T::Person]) } else { None };
            if let Some((b, e)) = before.and_then(|b| person(cx, b).map(|e| (b, e))).or_else(after_apposition) {
                cx.emit_unplaced(e, "spoke.article_event", (b, after));
            }
            continue;
        }
        // "X's / Her (keynote) speech highlighted / focused on ..."
        if let Some(e) = person(cx, k) {
            let j = if cx.is(k + 1, "'s") { k + 2 } else if matches!(w, "his" | "her") { k + 1 } else { continue };
            let Some(after) = speech_from(cx, j) else { continue };
            let verb = cx.items.get(after).map(|i| i.lower.as_str()).unwrap_or("");
            if matches!(verb, "highlighted" | "focused" | "stressed" | "emphasized" | "emphasised" | "underscored" | "underlined" | "noted" | "touched" | "centred" | "centered" | "addressed" | "called") {
                cx.emit_unplaced(e, "spoke.article_event", (k, after + 1));
            }
        }
    }
}

/// Quotations, which may run over several sentences: “...,” X said / X said: “...”.
/// A quote left open at a paragraph's end closes there (news reopens it in the next one).
pub(crate) fn quotations(doc: &crate::analyse::Doc, clean: &str) -> Vec<crate::model::Quote> {
    use crate::analyse::lexicon::{has, SPEECH};
    let mut out = Vec::new();
    // every quote mark as (sentence, item)
    let marks: Vec<(usize, usize)> = doc
        .items
        .iter()
        .enumerate()
        .flat_map(|(si, its)| its.iter().enumerate().filter(|(_, i)| i.is("\"")).map(move |(k, _)| (si, k)))
        .collect();
    // paragraph of each sentence: the breaks before it, counted in one pass
    let mut para = Vec::new();
    if marks.len() > 1 {
        let (mut t, mut breaks) = (0, 0);
        for sp in &doc.sentences {
            while t < sp.start {
                breaks += (doc.tokens[t].kind == crate::analyse::tokens::TokenKind::Break) as usize;
                t += 1;
            }
            para.push(breaks);
        }
    }
    let para_of = |si: usize| para[si];
    let mut m = 0;
    while m + 1 < marks.len() {
        let (s1, k1) = marks[m];
        let (s2, k2) = marks[m + 1];
        if para_of(s1) != para_of(s2) {
            m += 1;
            continue;
        }
        m += 2;
        let first = &doc.items[s1];
        let last = &doc.items[s2];
        let (Some(open), Some(close)) = (first.get(k1 + 1), last.get(k2.wrapping_sub(1))) else { continue };
        if s1 == s2 && k2 <= k1 + 3 {
            continue; // a quoted name, not speech
        }
        let start = doc.tokens[open.tok_start.min(doc.tokens.len() - 1)].start;
        let end = doc.tokens[close.tok_end.max(close.tok_start + 1).min(doc.tokens.len()) - 1].end;
        if end <= start {
            continue;
        }
        // the speaker: "..., X said" / "..., said X" after the close, or "X said: ..." before the open
        let cx = Ctx::new(doc, clean, s2, last);
        let verb = |k: usize| last.get(k).is_some_and(|i| has(SPEECH, &i.lower));
        let mut speaker = None;
        let mut a = k2 + 1;
        if cx.is(a, ",") {
            a += 1;
        }
        if let Some((e, T::Person)) = cx.ent(a) {
            if verb(a + 1) {
                speaker = Some(e);
            }
        }
        if speaker.is_none() && verb(a) {
            speaker = cx.ent(a + 1).filter(|(_, t)| *t == T::Person).map(|(e, _)| e);
        }
        if speaker.is_none() && k1 >= 2 && (first[k1 - 1].is(":") || first[k1 - 1].is(",")) {
            let cx1 = Ctx::new(doc, clean, s1, first);
            speaker = cx1.subject_before(k1 - 1, &[T::Person]).map(|(_, e)| e);
        }
        // without a speaker, only what reads like speech: a whole sentence of some length
        let text = &clean[start..end];
        if speaker.is_none() && (text.split_whitespace().count() < 8 || !text.trim_end_matches([',', '"', ' ']).ends_with(['.', '!', '?'])) {
            continue;
        }
        out.push(crate::model::Quote { sentence: s2, speaker, start, end, text: text.to_string() });
    }
    out
}
