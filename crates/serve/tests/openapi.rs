//! The OpenAPI document and the router describe the same routes: every route the router is
//! built from is documented, and every documented operation exists.

use serde_json::Value;
use std::collections::BTreeSet;

#[test]
fn every_route_is_documented_and_every_documented_route_exists() {
    let doc: Value = serde_json::from_str(dyad_serve::OPENAPI).expect("openapi.json is JSON");
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().unwrap().keys() {
            if ["get", "put", "post", "delete", "patch", "head", "options"]
                .contains(&method.as_str())
            {
                documented.insert((method.clone(), path.clone()));
            }
        }
    }
    let routed: BTreeSet<(String, String)> = dyad_serve::routes()
        .into_iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    let missing: Vec<_> = routed.difference(&documented).collect();
    let extra: Vec<_> = documented.difference(&routed).collect();
    assert!(
        missing.is_empty(),
        "routes missing from openapi.json: {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "openapi.json documents routes the router lacks: {extra:?}"
    );
    // Every path parameter of a route is declared in its operation.
    for (method, path) in &routed {
        let op = &doc["paths"][path][method];
        for seg in path.split('/').filter(|s| s.starts_with('{')) {
            let name = seg.trim_matches(|c| c == '{' || c == '}');
            let declared = op["parameters"]
                .as_array()
                .is_some_and(|ps| ps.iter().any(|p| p["name"] == name && p["in"] == "path"));
            assert!(
                declared,
                "{method} {path}: path parameter {name} not declared"
            );
        }
    }
}
