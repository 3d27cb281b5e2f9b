import { it } from 'vitest';
import { createTestApi } from './support/graphql.js';
it('probe', async () => {
  const api = await createTestApi();
  const readme = `{
  claims(first: 10, verdict: DISPUTED) {
    edges { cursor node {
        text verdict confidence rule explanation
        supportCount contradictCount independentSources
        evidence(first: 5) { nodes { stance sentence reason matched { kind claim report } conflicting { kind claim report } report { id title url publishedAt source { name } } } }
        verdictHistory { at verdict confidence }
        claimReview } }
    pageInfo { hasNextPage endCursor }
  }
  stats { claims reports sources byVerdict { CORROBORATED DISPUTED SINGLE_SOURCE UNVERIFIED } }
}`;
  console.log('readme', JSON.stringify(await api.gql(readme)).slice(0, 400));
  const aliases = Array.from({ length: 400 }, (_, k) => `a${k}: __typename`).join(' ');
  console.log('aliases', JSON.stringify(await api.gql(`{ ${aliases} }`)).slice(0, 300));
  const a30 = Array.from({ length: 30 }, (_, k) => `a${k}: stats { claims }`).join(' ');
  console.log('a30', JSON.stringify(await api.gql(`{ ${a30} }`)).slice(0, 300));
  console.log('tokens', JSON.stringify(await api.gql(`{ stats { ${'claims '.repeat(2_100)} } }`)).slice(0, 300));
  const deep = '{ claims { nodes { evidence { nodes { report { source { name } } } } } } }';
  console.log('deep-ok', JSON.stringify(await api.gql(deep)).slice(0, 300));
  console.log('depth', JSON.stringify(await api.gql('{ a:claims { nodes { evidence { nodes { report { source { name } } } } } } b: claims { edges { node { evidence { edges { node { report { source { name } } } } } } } } }')).slice(0, 300));
  console.log('dirs', JSON.stringify(await api.gql(`{ stats { claims ${'@include(if: true) '.repeat(30)} } }`)).slice(0, 300));
  await api.rt.close();
});
