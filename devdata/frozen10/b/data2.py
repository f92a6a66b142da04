D("https://financien.hengelo.nl/C2931-13-Werkgelegenheid-en-sociale-werkvoorziening.html","annual-report",
"Er is een team producten en team diensten actief (specialisatie). Voor de verbetering van de ketenoptimalisatie (aanleveren werkzoekende kandidaten door klantmanagers en SWB) zijn afspraken gemaakt en is een instrumentenkoffer (regionaal) voor werkgevers ingericht. Daarnaast is een regionaal marktbewerkingsplan en werkplan 2016 voor Werkplein Hengelo opgesteld.",
 F(["voorzieningen","instrumenten"],"The municipal Werkplein calls its re-integration instruments products."),
 F(["consulenten","consulenten werk"],"Municipal staff who guide jobseekers on benefits."))
D("https://www.sin.frl/2023/06/mondelinge-vragen-over-loket-burgerzaken-dokkum/","council",
"De wethouder antwoordde hierop dat het college zich niet herkende in lange wachtrijen vanwege het systeem om afspraken in te plannen. Dit wordt in het algemeen ook gemonitord, men kan hierbij ook de klanttevredenheid aangeven. Er wordt gestreefd naar een 7.5, hierop wordt op dit moment een 8 gescoord.",
 F(["tevredenheid van inwoners","tevredenheid"],"Satisfaction of residents at the municipal civil affairs desk."))
D("https://www.rd.nl/a/951145-nvb-waarschuwt-dat-schade-door-bankhelpdeskfraude-stijgt","news",
"Criminelen maken dit jaar meer geld buit door zich voor te doen als de helpdesk van een bank. Daarvoor waarschuwt de Nederlandse Vereniging van Banken (NVB). Oplichters proberen klanten te verleiden om zelf geld over te maken naar een rekeningnummer van hen of van een geldezel. De fraude is geavanceerd en klanten zien ook het „echte nummer” van de bank staan op het scherm van hun telefoon.",
 C("Bank customers."),C("Bank customers."))
D("https://www.nu.nl/wonen/5852658/gevonden-bij-de-kringloop-wapens-een-parkiet-en-een-boek-uit-1600.html","news",
"\"Vroeger deden mensen jaren met hun meubels, maar tegenwoordig willen ze sneller weer wat nieuws. Het komt regelmatig voor dat klanten hun spullen aan de achterkant van de winkel inleveren en via de voordeur weer naar buiten gaan met iets nieuws.\"",
 C("Customers of a second-hand shop."))
D("https://www.telegraaf.nl/nieuws/2645677/economie-floreert-en-toch-is-de-kringloopzaak-hotter-dan-ooit","news",
"Ooit werden ze opgericht door idealisten om vooral mensen met een smalle beurs de mogelijkheid te bieden om kleren en meubels te kunnen betalen. Een soort voedselbank, maar dan voor spullen. En minder armen zou minder klanten betekenen voor de kringloopbranch. Maar vorig jaar nam de omzet met vier procent toe, net als het aantal bezoekers, zo blijkt uit cijfers van de BKN, de Branchevereniging Kringloopwinkels Nederland.",
 C("Paying customers of second-hand shops."))
D("https://www.telegraaf.nl/nieuws/2645677/economie-floreert-en-toch-is-de-kringloopzaak-hotter-dan-ooit","news",
"Leonie Reinders van de BKN bevestigt dat. „Dat bewustzijn is nog steeds groeiende. We hebben maar een planeet en tweedehands kopen draagt bij aan duurzaamheid.” Vorig jaar zette de branche 150.000 ton aan producten om. „Vroeger was dat grotendeels de verbrandingsoven ingegaan”, zegt Jelle van de Ven.",
 S, C("Goods sold by second-hand shops."))
D("https://www.bd.nl/oisterwijk/geen-nokkievolle-of-lege-schappen-in-kringloopwinkel-de-kunst-is-om-het-overzichtelijk-te-houden~a41ee932/","news",
"Zuman heeft weleens klanten over de vloer die niet snappen dat de winkel hun producten wil hebben. ,,Iets wat voor hen bijvoorbeeld best duur is geweest. Dan leg ik gewoon even uit dat wij het ook moeten kunnen verkopen. Wat de ‘hardlopers’ zijn en wat niet: dat leer je vanzelf na een paar jaar.”",
 C("Visitors of a second-hand shop."),C("Goods brought to a shop."))
D("https://www.volkskrant.nl/economie/winkelen-op-afspraak-gewoon-een-beetje-rondsnuffelen-is-er-niet-bij-in-de-kringloopwinkel~bc50beb7/","news",
"De winkel is nu in vieren opgedeeld. Zo kunnen er 16 klanten per uur worden ontvangen. ‘We willen echt weten waarvoor iemand komt’, zegt Rientjes, ‘want voor snuffelaars is geen ruimte.’ En wat als iemand een bank zoekt en ze zitten allemaal niet lekker? ‘Natuurlijk is de klant dan niet verplicht iets te kopen.’",
 C("Shop customers."),C("Shop customer."),S)
