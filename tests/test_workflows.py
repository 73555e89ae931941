"""The CI workflows, the pre-commit hooks and the contributor guide stay in step with the project.

These tests read only files: they need no network and no GitHub.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
HOOK_FILES = r"^(claims/.*\.yaml|content/articles/.*\.md|mkdocs\.yml)$"
VERSION_TAG = re.compile(r"^[\w.-]+/[\w./-]+@v\d+(\.\d+)*$")

# Every command the guide must explain; keep in step with README.md and the Makefile.
COMMANDS = (
    "make site",
    "make test",
    "make serve",
    "make validate",
    "site-builder validate",
    "site-builder validate --format github",
    "site-builder new --article",
    "site-builder schema",
    "site-builder import-article",
    "site-builder extract",
    "--dry-run",
    "mkdocs build --strict",
    "mkdocs gh-deploy --force",
    "pre-commit install",
    "yaml-language-server: $schema=schema.json",
)


def load_yaml(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_workflow(name: str) -> dict:
    workflow = load_yaml(WORKFLOWS / name)
    assert isinstance(workflow, dict), f"{name} is not a mapping"
    # PyYAML follows YAML 1.1, where a bare `on` is the boolean true.
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def triggers(workflow: dict) -> dict:
    on = workflow["on"]
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on


def steps(workflow: dict, job: str | None = None) -> list[dict]:
    jobs = [workflow["jobs"][job]] if job else workflow["jobs"].values()
    return [step for j in jobs for step in j.get("steps", [])]


def run_lines(workflow: dict, job: str | None = None) -> list[str]:
    """Every command line of the `run:` steps, stripped."""
    return [line.strip() for step in steps(workflow, job) for line in str(step.get("run", "")).splitlines()]


def uses(workflow: dict, job: str | None = None) -> list[str]:
    return [step["uses"] for step in steps(workflow, job) if "uses" in step]


def step_using(workflow: dict, action: str) -> dict:
    found = [step for step in steps(workflow) if step.get("uses", "").split("@")[0] == action]
    assert len(found) == 1, f"expected one step using {action}, found {len(found)}"
    return found[0]


@pytest.fixture(scope="module")
def validate_wf() -> dict:
    return load_workflow("validate.yml")


@pytest.fixture(scope="module")
def deploy_wf() -> dict:
    return load_workflow("deploy.yml")


@pytest.fixture(scope="module")
def guide() -> str:
    return (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


# validate.yml


def test_validate_runs_on_pull_requests(validate_wf):
    assert "pull_request" in triggers(validate_wf)


def test_validate_installs_the_package_with_test_extras(validate_wf):
    assert any(re.fullmatch(r"pip install -e (\"\.\[test\]\"|'\.\[test\]'|\.\[test\])", line)
               for line in run_lines(validate_wf)), run_lines(validate_wf)


def test_validate_checks_claims_builds_and_tests_in_order(validate_wf):
    lines = run_lines(validate_wf)
    wanted = ["site-builder validate --format github", "mkdocs build --strict", "python -m pytest"]
    for command in wanted:
        assert command in lines, f"validate.yml does not run {command!r}"
    assert [lines.index(c) for c in wanted] == sorted(lines.index(c) for c in wanted)


def test_validate_sets_up_python_311_with_pip_cache(validate_wf):
    setup = step_using(validate_wf, "actions/setup-python")["with"]
    assert str(setup["python-version"]) == "3.11"
    assert setup["cache"] == "pip"
    # Without a requirements.txt, setup-python needs to be told what to key the cache on.
    assert (ROOT / setup.get("cache-dependency-path", "requirements.txt")).exists()


def test_validate_is_read_only_and_cancels_superseded_runs(validate_wf):
    assert validate_wf["permissions"] == {"contents": "read"}
    assert validate_wf["concurrency"]["cancel-in-progress"] is True
    assert "pull_request" in validate_wf["concurrency"]["group"]
    assert validate_wf["env"]["NO_MKDOCS_2_WARNING"] == "1"


# deploy.yml


def test_deploy_runs_on_push_to_main(deploy_wf):
    on = triggers(deploy_wf)
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on


def test_deploy_builds_and_uploads_the_site(deploy_wf):
    lines = run_lines(deploy_wf, "build")
    assert "site-builder validate" in lines
    assert "mkdocs build --strict" in lines
    assert any(line.startswith("pip install -e .") for line in lines)
    actions = [u.split("@")[0] for u in uses(deploy_wf, "build")]
    assert "actions/configure-pages" in actions
    assert step_using(deploy_wf, "actions/upload-pages-artifact")["with"]["path"] == "site"


def test_deploy_keeps_the_share_cards_between_deploys(deploy_wf):
    # the README's cache_dir advice: without it every deploy draws every card again
    cache = step_using(deploy_wf, "actions/cache")
    assert cache["with"]["path"] == ".cache/claims"
    assert cache["with"]["key"].startswith("share-cards-") and cache["with"]["restore-keys"] == "share-cards-"
    order = [step.get("uses", step.get("run", "")).split("@")[0] for step in steps(deploy_wf, "build")]
    assert order.index("actions/cache") < order.index("mkdocs build --strict")


def test_deploy_job_publishes_to_pages(deploy_wf):
    deploy = deploy_wf["jobs"]["deploy"]
    needs = deploy["needs"]
    assert "build" in ([needs] if isinstance(needs, str) else needs)
    assert deploy["environment"]["name"] == "github-pages"
    assert "steps.deployment.outputs.page_url" in deploy["environment"]["url"]
    step = step_using(deploy_wf, "actions/deploy-pages")
    assert step.get("id") == "deployment"
    assert step in deploy["steps"]


def test_deploy_permissions_and_concurrency(deploy_wf):
    permissions = deploy_wf["permissions"]
    assert permissions["pages"] == "write"
    assert permissions["id-token"] == "write"
    assert permissions["contents"] == "read"
    assert deploy_wf["concurrency"] == {"group": "pages", "cancel-in-progress": False}


@pytest.mark.parametrize("name", ["validate.yml", "deploy.yml"])
def test_every_action_is_pinned_to_a_version_tag(name):
    workflow = load_workflow(name)
    actions = uses(workflow) + [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
    assert actions, f"{name} uses no actions"
    for action in actions:
        assert VERSION_TAG.match(action), f"{name}: {action!r} is not pinned to a version tag (@vN)"


# pre-commit


def test_pre_commit_hook_for_other_repositories():
    hooks = load_yaml(ROOT / ".pre-commit-hooks.yaml")
    assert isinstance(hooks, list)
    (hook,) = [h for h in hooks if h["id"] == "validate-claims"]
    assert hook["entry"] == "site-builder validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert hook["files"] == HOOK_FILES
    assert hook["name"]


def test_pre_commit_config_of_this_repository():
    config = load_yaml(ROOT / ".pre-commit-config.yaml")
    (repo,) = [r for r in config["repos"] if r["repo"] == "local"]
    (hook,) = [h for h in repo["hooks"] if h["id"] == "validate-claims"]
    assert hook["entry"] == "site-builder validate"
    assert hook["language"] == "system"
    assert hook["pass_filenames"] is False
    assert hook["files"] == HOOK_FILES


@pytest.mark.parametrize("path", ["claims/s400-deal.yaml", "content/articles/some-story.md", "mkdocs.yml"])
def test_pre_commit_hook_runs_for_claims_articles_and_settings(path):
    assert re.search(HOOK_FILES, path)


@pytest.mark.parametrize("path", ["content/methodology.md", "claims/schema.json", "site_builder/cli.py"])
def test_pre_commit_hook_skips_other_files(path):
    assert not re.search(HOOK_FILES, path)


# CONTRIBUTING.md


def readme_claim_fields() -> list[str]:
    """The field names of the README's claims table, with the sub-fields its rows name."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Claims\n", 1)[1].split("\n## ", 1)[0]
    fields = []
    for row in section.splitlines():
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        match = re.fullmatch(r"`([a-z_]+)`", cells[0]) if row.startswith("|") else None
        if not match:
            continue
        fields.append(match.group(1))
        if match.group(1) in ("sources", "corrections", "provenance"):
            # "list of `title`, `url`, ..." names the fields of each entry.
            fields += re.findall(r"`([a-z_]+)`", cells[-1].split(":")[0])
    return list(dict.fromkeys(fields))


def test_readme_claims_table_is_parsed():
    fields = readme_claim_fields()
    assert {"id", "title", "quote", "article", "claimant", "attribution", "rating", "sources"} <= set(fields)
    assert {"publisher", "archive_url", "date"} <= set(fields)


@pytest.mark.parametrize("field", readme_claim_fields() + ["aliases"])
def test_contributing_explains_every_claim_field(guide, field):
    assert re.search(rf"`{field}`|^\s*(- )?{field}:", guide, re.M), f"CONTRIBUTING.md does not mention `{field}`"


@pytest.mark.parametrize("command", COMMANDS)
def test_contributing_mentions_every_command(guide, command):
    assert command in guide, f"CONTRIBUTING.md does not mention {command!r}"


def normalise(text: str) -> str:
    """Roughly as quotes are matched: curly quotes and dashes as plain ones, runs of space as one."""
    text = text.translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return " ".join(text.split())


def test_contributing_example_claim_is_complete(guide):
    """The worked example is a whole claim file, with every field a published claim needs."""
    examples = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", guide, re.S)]
    claims = [e for e in examples if isinstance(e, dict) and {"quote", "article"} <= set(e)]
    assert claims, "CONTRIBUTING.md has no example claim"
    claim = claims[0]
    for field in ("title", "quote", "article", "claimant", "attribution", "rating", "summary", "context",
                  "sources", "tags", "related", "reviewed", "status", "provenance"):
        assert claim.get(field), f"the example claim has no {field}"
    article = ROOT / "content" / "articles" / f"{claim['article']}.md"
    assert article.exists(), f"the example claim's article {article.name} does not exist"
    assert normalise(claim["quote"]) in normalise(article.read_text(encoding="utf-8"))
    for source in claim["sources"]:
        assert source["url"].startswith(("http://", "https://"))
        assert source["publisher"] and source["published"]


def test_pull_request_template_has_the_checklist():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] ", template, re.M)
    assert len(boxes) >= 8
    assert "site-builder validate" in template and "mkdocs build --strict" in template
