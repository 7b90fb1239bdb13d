// Validates Kubernetes manifests against the API schemas that the kubernetes-models package generates from the
// Kubernetes OpenAPI definitions: field types, required fields, enums and formats. It does not reject unknown
// fields (a misspelt optional field passes), and it needs no cluster. Usage: node validate.mjs FILE.yaml...
// Exit code 0 when every object is valid, 1 otherwise; kinds it has no schema for (Kustomization) are skipped.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const models = {
  "v1/Namespace": "kubernetes-models/v1/Namespace",
  "v1/ConfigMap": "kubernetes-models/v1/ConfigMap",
  "v1/Secret": "kubernetes-models/v1/Secret",
  "v1/Service": "kubernetes-models/v1/Service",
  "v1/PersistentVolumeClaim": "kubernetes-models/v1/PersistentVolumeClaim",
  "apps/v1/Deployment": "kubernetes-models/apps/v1/Deployment",
  "batch/v1/CronJob": "kubernetes-models/batch/v1/CronJob",
  "batch/v1/Job": "kubernetes-models/batch/v1/Job",
  "networking.k8s.io/v1/Ingress": "kubernetes-models/networking.k8s.io/v1/Ingress",
  "networking.k8s.io/v1/NetworkPolicy": "kubernetes-models/networking.k8s.io/v1/NetworkPolicy",
};

let invalid = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) {
      invalid++;
      console.log(`${file}: not valid YAML: ${doc.errors[0].message}`);
      continue;
    }
    const object = doc.toJS();
    if (object == null) {
      continue;
    }
    const kind = `${object.apiVersion}/${object.kind}`;
    const name = object.metadata?.name ?? "(no name)";
    if (kind.startsWith("kustomize.config.k8s.io/")) {
      continue;
    }
    if (!(kind in models)) {
      invalid++;
      console.log(`${file}: ${kind} ${name}: no schema here; add the kind to validate.mjs`);
      continue;
    }
    const Model = (await import(models[kind]))[object.kind];
    checked++;
    try {
      new Model(object).validate();
    } catch (error) {
      invalid++;
      console.log(`${file}: ${kind} ${name}: ${error.message}`);
    }
  }
}
console.log(`k8s schema check: ${checked} objects, ${invalid} invalid`);
process.exit(invalid > 0 ? 1 : 0);
