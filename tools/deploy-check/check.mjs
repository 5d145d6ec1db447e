// Checks deploy/ without a cluster or a Docker engine: every object of deploy/kubernetes against the Kubernetes API's
// schema (kubernetes-models validates with the OpenAPI schemas of the API version it was generated from), the
// kustomization's list against the files, and each Dockerfile with dockerfile-utils' validator.
// Run: bash scripts/check-deploy.sh
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { validate as validateDockerfile } from "dockerfile-utils";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const kubernetes = join(root, "deploy", "kubernetes");
const models = {
  "v1/Secret": () => import("kubernetes-models/v1/Secret"),
  "v1/Service": () => import("kubernetes-models/v1/Service"),
  "v1/ServiceAccount": () => import("kubernetes-models/v1/ServiceAccount"),
  "apps/v1/Deployment": () => import("kubernetes-models/apps/v1/Deployment"),
  "rbac.authorization.k8s.io/v1/Role": () => import("kubernetes-models/rbac.authorization.k8s.io/v1/Role"),
  "rbac.authorization.k8s.io/v1/RoleBinding": () => import("kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding"),
};

let problems = 0;
const problem = (where, message) => { problems++; console.error(`${where}: ${message}`); };
let objects = 0;

const files = readdirSync(kubernetes).filter(f => f.endsWith(".yaml")).sort();
for (const file of files) {
  const where = `deploy/kubernetes/${file}`;
  for (const document of parseAllDocuments(readFileSync(join(kubernetes, file), "utf8"))) {
    if (document.errors.length) { document.errors.forEach(e => problem(where, e.message)); continue; }
    const object = document.toJS();
    if (!object) continue;
    if (object.kind === "Kustomization") {
      for (const resource of object.resources ?? [])
        if (!files.includes(resource)) problem(where, `resource ${resource} is not a file of deploy/kubernetes`);
      continue;
    }
    const load = models[`${object.apiVersion}/${object.kind}`];
    if (!load) { problem(where, `no schema for ${object.apiVersion} ${object.kind}`); continue; }
    const Model = (await load())[object.kind];
    try {
      new Model(object).validate();
      objects++;
      console.log(`ok  ${where}: ${object.kind} ${object.metadata?.name}`);
    } catch (error) {
      problem(where, `${object.kind} ${object.metadata?.name}: ${error.message}`);
    }
  }
}

for (const file of readdirSync(join(root, "deploy")).filter(f => f.endsWith("Dockerfile")).sort()) {
  const where = `deploy/${file}`;
  const diagnostics = validateDockerfile(readFileSync(join(root, "deploy", file), "utf8"));
  diagnostics.filter(d => d.severity === 1 || d.severity === 2)
    .forEach(d => problem(where, `line ${d.range.start.line + 1}: ${d.message}`));
  if (!diagnostics.some(d => d.severity === 1 || d.severity === 2)) console.log(`ok  ${where}`);
}

console.log(`${objects} Kubernetes objects checked; ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
