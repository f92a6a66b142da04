def F(exp,n,t=None): return ('flag',exp if isinstance(exp,list) else [exp],n)+((t,) if t else ())
def C(n,t=None): return ('commercial',[],n)+((t,) if t else ())
def M(n,t=None): return ('mention',[],n)+((t,) if t else ())
def O(n,t=None): return ('other',[],n)+((t,) if t else ())
def U(n,t=None): return ('unsure',[],n)+((t,) if t else ())
S=('SKIP',)
cshop="Customers of a shop; a real market relation."
D("https://www.lochemdoet.nl/waar-staan-wij-voor","welfare",
"Signaleren knelpunten en kansen met betrekking tot vrijwilligerswerk waar we ondernemend, vraaggericht en klantgericht op anticiperen.",
 F(["op maat","in gesprek"],"A subsidised volunteer centre describes its service to residents and organisations as demand-driven."),
 F(["inwonergericht","betrokken"],"Market label for how a local welfare organisation serves residents and volunteers."))
D("https://www.nu.nl/economie/6245606/telefoons-roodgloeiend-bij-energiebedrijven-om-meterstanden-en-prijsplafond.html","news",
"Sinds het nieuwe jaar is het superdruk bij de callcenters van de grote energiebedrijven. Ongeveer een miljoen klanten moeten hun precieze meterstanden doorgeven in verband met het prijsplafond. Ook hebben ze veel vragen over dat plafond.",
 C("Customers of energy companies."))
D("https://www.nu.nl/economie/6245606/telefoons-roodgloeiend-bij-energiebedrijven-om-meterstanden-en-prijsplafond.html","news",
"\"Het gaat bij ons om 400.000 klanten. In het weekend hebben we er 115.000 gehad, normaal zijn dat er 40.000 in de maand\", zegt een woordvoerder van Vattenfall. Ook bij Essent staan de telefoons roodgloeiend. \"De meterstanden kunnen ook online worden doorgegeven, maar mensen bellen toch graag.\"",
 C("Customers of an energy supplier."))
D("https://www.omroepbrabant.nl/nieuws/4175130/tranen-op-de-laatste-dag-van-bakkerij-die-dicht-moet-door-energiecrisis","news",
"Klanten reageren met afschuw op de sluiting. En niet iedereen had het al gehoord: \"Gaan ze dicht? Dat wist ik niet\", zegt een 93-jarige vrouw ontzet. \"Ik vind het zo jammer dat ze moeten ophouden, alleen door die energiekosten\". Dat bakkers om die reden moeten sluiten heeft ze in haar lange leven nog niet eerder meegemaakt. Ook verdriet bij andere klanten om het einde van de bakkerszaak: \"Echt vreselijk, het brood is nergens zo lekker als hier. En het is heel erg voor de dames die hier werken\", zegt een vaste klant.",
 C(cshop),C(cshop),C(cshop))
D("https://www.omroepbrabant.nl/nieuws/4175130/tranen-op-de-laatste-dag-van-bakkerij-die-dicht-moet-door-energiecrisis","news",
"Conny Jansen werkt al sinds 1982 bij d'n Bekker in Boxmeer. Ze is zichtbaar aangeslagen door het nieuws en kan haar tranen nauwelijks bedwingen. \"Het is verschrikkelijk. Maar fijn dat de klanten ons nog even een steuntje in de rug komen geven.\" Het personeel heeft kaartjes en bloemetjes gekregen van vaste klanten, vertelt ze.",
 C(cshop),C(cshop))
D("https://echt-susteren.nieuws.nl/columns-opinie/als-de-bakoven-dooft","opinion",
"Een faillissement is een woord dat hard klinkt. Zakelijk, definitief, onverbiddelijk. Maar achter dat ene woord schuilt altijd meer. Bij Bakkerij Clout doofde niet alleen de bakoven. Er viel ook een stilte over de toonbanken waar generaties lang brood werd gekocht, waar vaste klanten hun dag begonnen en waar het ambacht nog tastbaar was.",
 C(cshop))
D("https://echt-susteren.nieuws.nl/columns-opinie/als-de-bakoven-dooft","opinion",
"Vandaag is er vooral ruimte voor verdriet, teleurstelling en onzekerheid. Voor de medewerkers, voor de familie, voor de klanten. En misschien ook voor dankbaarheid. Voor alles wat er wél is geweest. Want sommige geuren, smaken en herinneringen blijven, ook als de deuren sluiten.",
 C(cshop))
D("https://www.bussumsnieuws.nl/reader/screenreader/129850/PaperArticle/77098","news",
"Jan en Loes van Groen zorgden 30 jaar lang elke dag voor vers brood en banket; hun zaak aan de Spiegelstraat had vele vaste klanten. Afgelopen woensdag was er al een feestje om het echtpaar te bedanken voor hun werk, vandaag kwamen nog meerdere vaste klanten het echtpaar gedag zeggen.",
 C(cshop),C(cshop))
D("https://dordtcentraal.nl/?p=158848","news",
"Ik ben gaan praten met de drie medewerkers, die er al jaar en dag achter de toonbank staan: Wendy, Daniëlle en Elly. Iedereen die hier klant is, kent de dames. De drie vrouwen waren ook echt verdrietig met de boodschap, dat de winkel zou gaan sluiten. Elly bijvoorbeeld werkt al haar hele leven in de bakkerij.”",
 C(cshop))
D("https://dordtcentraal.nl/?p=158848","news",
"Behalve het werk achter de schermen, inkoop, financiën, beleid, staat Arno zaterdags zelf achter de toonbank.",
 C("Purchasing of a bakery business."))
