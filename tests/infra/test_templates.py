"""The Bicep templates: every file parses, checkov's scan passes, and what the template deploys
agrees with the app (settings.py, the blob trigger, the Event Grid subscription, the roles)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import settings as app_settings
from tests.infra.bicep import INFRA, Ref, Template, main_template, parse

REPO = INFRA.parent
BICEP_FILES = sorted(INFRA.rglob("*.bicep"))
SECRET_SETTINGS = {"AzureWebJobsStorage", "COSMOS_KEY", "AZURE_OPENAI_API_KEY", "OPENAI_API_KEY"}
SECRET_MARKERS = ("AccountKey=", "SharedAccessSignature", "SharedAccessKey", "listKeys",
                  "primaryMasterKey", "api-key", "Password=")


def final_app_settings(scheduler: bool = False) -> dict[str, object]:
    """The function app's app settings as main.bicep deploys them (appsettings resource)."""
    main = main_template()
    if scheduler:
        main.given["useDurableTaskScheduler"] = True
    app = main.module("functionApp")
    props = app.resource_config("settings")["properties"]
    assert isinstance(props, dict)
    return props


def test_every_bicep_file_was_found() -> None:
    names = {p.relative_to(INFRA).as_posix() for p in BICEP_FILES}
    assert {"main.bicep", "events/blob-subscription.bicep", "modules/functionapp.bicep"} <= names


@pytest.mark.parametrize("path", BICEP_FILES, ids=lambda p: p.relative_to(INFRA).as_posix())
def test_bicep_parses(path: Path) -> None:
    doc = parse(path)
    assert doc.get("resources") or doc.get("modules"), f"{path.name} declares nothing"
    for name, res in doc.get("resources", {}).items():
        assert "@" not in res["type"] and res["api_version"], name


def test_main_modules_point_at_files_that_exist() -> None:
    for name, mod in main_template().modules.items():
        assert (INFRA / mod["detail"]["path"]).is_file(), name


def test_checkov_scan_passes() -> None:
    checkov = REPO / ".venv-infra" / "bin" / "checkov"
    if not checkov.exists():
        pytest.fail("checkov is not installed: run `make setup` (it creates .venv-infra)")
    run = subprocess.run([str(checkov), "--config-file", ".checkov.yaml", "-o", "json"],
                         cwd=REPO, capture_output=True, text=True, timeout=600)
    reports = json.loads(run.stdout)
    reports = reports if isinstance(reports, list) else [reports]
    failed = [f"{c['check_id']} {c['resource']} ({c['file_path']})"
              for r in reports for c in r["results"]["failed_checks"]]
    assert failed == [], "checkov findings (fix, or accept in .checkov.yaml with a reason)"
    bicep = next(r for r in reports if r["check_type"] == "bicep")
    assert bicep["summary"]["parsing_errors"] == 0
    assert bicep["summary"]["resource_count"] >= 20  # it did read the modules
    assert bicep["summary"]["passed"] >= 20  # and ran checks on them
    assert run.returncode == 0, run.stderr[-2000:]


def test_app_settings_satisfy_the_settings_class_for_the_default_cloud_engines(
        monkeypatch: pytest.MonkeyPatch) -> None:
    deployed = final_app_settings()
    import os
    for name in list(os.environ):  # only what the template sets
        if name.upper().startswith(("AZURE", "COSMOS", "OPENAI", "TRANSCRIPTION", "EXTRACTION",
                                    "CALLS_", "WORK_", "LOCAL_WHISPER")):
            monkeypatch.delenv(name)
    for name, value in deployed.items():
        monkeypatch.setenv(name, value.path if isinstance(value, Ref) else str(value))
    s = app_settings.Settings()  # type: ignore[call-arg]
    assert (s.transcription_engine, s.extraction_engine) == ("azure-openai", "azure-openai")
    assert s.engine_problems("transcription") == [] and s.engine_problems("extraction") == []
    # each engine setting comes from the deployed resource, not a literal
    assert deployed["AZURE_OPENAI_ENDPOINT"] == Ref("openAi.outputs.endpoint")
    assert deployed["AZURE_OPENAI_TRANSCRIPTION_DEPLOYMENT"] == Ref(
        "openAi.outputs.transcriptionDeployment")
    assert deployed["AZURE_OPENAI_EXTRACTION_DEPLOYMENT"] == Ref(
        "openAi.outputs.extractionDeployment")
    assert s.azure_openai_api_key is None and s.cosmos_key is None  # Entra ID, no keys
    # every default that points at the local stack is replaced
    assert deployed["COSMOS_ENDPOINT"] == Ref("cosmos.outputs.endpoint")
    assert s.cosmos_endpoint == "cosmos.outputs.endpoint"
    assert s.storage_blob_service_uri == "account.properties.primaryEndpoints.blob"
    assert deployed["AzureWebJobsStorage__credential"] == "managedidentity"
    for service in ("blob", "queue", "table"):
        assert deployed[f"AzureWebJobsStorage__{service}ServiceUri"] == Ref(
            f"account.properties.primaryEndpoints.{service}")
    assert deployed["AzureWebJobsStorage__clientId"] == Ref("identity.outputs.clientId")
    assert deployed["AZURE_CLIENT_ID"] == Ref("identity.outputs.clientId")
    assert (s.calls_container, s.work_container) == ("calls", "call-work")
    assert (s.cosmos_database, s.cosmos_container) == ("callinsights", "calls")
    assert deployed["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] == Ref(
        "ClientId=${identityClientId};Authorization=AAD")


def test_no_secret_is_a_plain_value() -> None:
    for scheduler in (False, True):
        deployed = final_app_settings(scheduler)
        assert not SECRET_SETTINGS & set(deployed), "a key or connection string setting is set"
        for name, value in deployed.items():
            text = value.path if isinstance(value, Ref) else str(value)
            assert not any(m.lower() in text.lower() for m in SECRET_MARKERS), name
    dts = final_app_settings(scheduler=True)["DURABLE_TASK_SCHEDULER_CONNECTION_STRING"]
    assert isinstance(dts, Ref) and "Authentication=ManagedIdentity" in dts.path
    # local authentication is off on every service that has keys
    main = main_template()
    storage = main.module("storage").resource_config("account")["properties"]
    assert storage["allowSharedKeyAccess"] is False and storage["allowBlobPublicAccess"] is False
    assert main.module("cosmos").resource_config("account")["properties"]["disableLocalAuth"]
    assert main.module("openAi").resource_config("account")["properties"]["disableLocalAuth"]
    appi = main.module("monitoring").resource_config("appInsights")["properties"]
    assert appi["DisableLocalAuth"] is True
    # the only key read anywhere is the webhook key, into the Event Grid destination URL
    for path in BICEP_FILES:
        if "listKeys" in path.read_text():
            assert path.relative_to(INFRA).as_posix() == "events/blob-subscription.bicep"


def test_recordings_container_trigger_path_and_event_filter_agree() -> None:
    from tests.infra.test_function_metadata import blob_trigger_binding

    main = main_template()
    container = main.param("recordingsContainerName")
    assert container == "calls" == app_settings.Settings.model_fields["calls_container"].default
    assert container in main.module("storage").param("containerNames")
    deployed = final_app_settings()
    assert deployed["CALLS_CONTAINER"] == container
    trigger_name, binding = blob_trigger_binding()
    assert binding["path"] == "%CALLS_CONTAINER%/{name}"
    # the hook deploys the subscription with main.bicep's outputs
    outputs = main.doc["outputs"]
    assert main.value(outputs["RECORDINGS_CONTAINER"]["value"]) == container
    assert main.value(outputs["BLOB_TRIGGER_FUNCTION"]["value"]) == trigger_name
    hook = (INFRA / "hooks" / "postdeploy.sh").read_text()
    assert 'recordingsContainerName="$RECORDINGS_CONTAINER"' in hook
    assert 'functionName="$BLOB_TRIGGER_FUNCTION"' in hook
    events = Template(INFRA / "events" / "blob-subscription.bicep",
                      {"recordingsContainerName": container, "functionName": trigger_name})
    props = events.resource_config("subscription")["properties"]
    assert props["filter"]["includedEventTypes"] == ["Microsoft.Storage.BlobCreated"]
    assert props["filter"]["subjectBeginsWith"] == (
        f"/blobServices/default/containers/{container}/blobs/")
    url = props["destination"]["properties"]["endpointUrl"]
    assert isinstance(url, Ref)
    assert f"/runtime/webhooks/blobs?functionName=Host.Functions.{trigger_name}&code=" in url.path
    # and the template's own defaults say the same
    assert events.__class__(events.path).param("functionName") == trigger_name
    assert events.__class__(events.path).param("recordingsContainerName") == container


def test_function_app_is_flex_consumption_python_311_with_the_identity() -> None:
    app = main_template().module("functionApp")
    plan = app.resource_config("plan")
    assert plan["sku"] == {"tier": "FlexConsumption", "name": "FC1"}
    site = app.resource_config("site")
    assert site["kind"] == "functionapp,linux"
    config = site["properties"]["functionAppConfig"]
    assert config["runtime"] == {"name": "python", "version": "3.11"}
    assert config["deployment"]["storage"]["authentication"]["type"] == "UserAssignedIdentity"
    assert site["identity"]["type"] == "UserAssigned"
    host = json.loads((REPO / "host.json").read_text())
    assert host["extensionBundle"]["version"].startswith("[4.")


# Role ids: learn.microsoft.com "Azure built-in roles" and Cosmos DB's built-in data-plane roles.
APP_ROLES = {
    "storage": {"b7e6dc6d-f1e8-4753-8033-0f276bb0955b",   # Storage Blob Data Owner (host)
                "974c5e8b-45b9-4653-ba55-5f855dd0fb88",   # Storage Queue Data Contributor
                "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"},  # Storage Table Data Contributor
    "openAi": {"5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"},   # Cognitive Services OpenAI User
    "monitoring": {"3913510d-42f4-4e42-8a64-420c390055eb"},  # Monitoring Metrics Publisher
    "scheduler": {"0ad04412-c4d5-4796-b79c-f76d14c8d402"},  # Durable Task Data Contributor
}


def role_grants(tpl: Template) -> list[tuple[str, object, str]]:
    """(scope resource, principal, role definition id) of each role assignment in a module."""
    grants = []
    for res in tpl.resources.values():
        if res["type"] != "Microsoft.Authorization/roleAssignments":
            continue
        cfg = res["config"]
        loop = cfg.get("loop_type")
        body = cfg["config"] if loop or "condition" in cfg else cfg  # loop or `if (...)`
        role_name = body["properties"]["roleDefinitionId"]["function"]["parameters"][
            "resource_name_1"]
        roles = (tpl.value(tpl.variables[loop["detail"]["array_name"]]["value"]) if loop
                 else [tpl.value(role_name)])
        for role in roles:
            grants.append((body["scope"], tpl.value(body["properties"]["principalId"]), role))
    return grants


def test_the_app_identity_gets_these_roles_on_its_own_resources_only() -> None:
    main = main_template()
    app = Ref("identity.outputs.principalId")
    for module, expected in APP_ROLES.items():
        tpl = main.module(module)
        grants = role_grants(tpl)
        assert all(scope in tpl.resources for scope, _, _ in grants), module  # resource scope
        assert {role for _, who, role in grants if who == app} == expected, module
        others = {role for _, who, role in grants if who != app}
        assert others <= {"ba92f5b4-2d11-453d-a403-e96b0029c9fe"}, module  # deployer: blob data
    cosmos = main.module("cosmos").resource_config("appDataRole")["properties"]
    assert cosmos["roleDefinitionId"] == Ref(
        "${account.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002")
    container = main.module("cosmos").resource_config("container")["properties"]["resource"]
    assert container["partitionKey"]["paths"] == ["/callId"]
    assert main.module("cosmos").resource_config("account")["properties"]["capabilities"] == [
        {"name": "EnableServerless"}]
